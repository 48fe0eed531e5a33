package org.portpass.application;

import java.util.Set;
import java.util.function.UnaryOperator;

/** Builds lines in a given state by walking the real flow, and names every step. */
final class Lines {
  static final Set<String> KEL = Set.of("KEL");
  static final Set<String> KEL_TPE = Set.of("KEL", "TPE");
  static final String REASON = "photo is blurred";

  private Lines() {}

  /** Every step of the flow, as a line with the single access port KEL takes it. */
  enum Step {
    SUBMIT("submit", LineFlow::submit),
    APPROVE("approve", l -> l.approve("KEL", l.currentStage().orElse(Stage.REVIEW))),
    REJECT("reject", l -> l.reject("KEL", l.currentStage().orElse(Stage.REVIEW), REASON)),
    RESUBMIT("resubmit", LineFlow::resubmit),
    CANCEL("cancel", LineFlow::cancel),
    MARK_READY("mark ready", LineFlow::markReady),
    PICK_UP("pick up", LineFlow::pickUp);

    final String word;
    private final UnaryOperator<LineFlow> step;

    Step(String word, UnaryOperator<LineFlow> step) {
      this.word = word;
      this.step = step;
    }

    LineFlow applyTo(LineFlow line) {
      return step.apply(line);
    }
  }

  /** A line with the given access ports, brought to {@code status} through the flow itself. */
  static LineFlow lineIn(LineStatus status, Set<String> ports) {
    LineFlow draft = LineFlow.draft(ports);
    return switch (status) {
      case DRAFT -> draft;
      case REVIEW -> draft.submit();
      case POLICE -> approveByAll(lineIn(LineStatus.REVIEW, ports), Stage.REVIEW);
      case SUPERVISOR -> approveByAll(lineIn(LineStatus.POLICE, ports), Stage.POLICE);
      case PRODUCTION -> approveByAll(lineIn(LineStatus.SUPERVISOR, ports), Stage.SUPERVISOR);
      case READY -> lineIn(LineStatus.PRODUCTION, ports).markReady();
      case PICKED_UP -> lineIn(LineStatus.READY, ports).pickUp();
      case RETURNED -> draft.submit().reject("KEL", Stage.REVIEW, REASON);
      case CANCELLED -> draft.submit().cancel();
    };
  }

  static LineFlow lineIn(LineStatus status) {
    return lineIn(status, KEL);
  }

  static LineFlow approveByAll(LineFlow line, Stage stage) {
    for (String port : line.accessPorts()) {
      line = line.approve(port, stage);
    }
    return line;
  }
}
