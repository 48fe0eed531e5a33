package org.portpass.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.portpass.application.LineStatus.CANCELLED;
import static org.portpass.application.LineStatus.DRAFT;
import static org.portpass.application.LineStatus.PICKED_UP;
import static org.portpass.application.LineStatus.POLICE;
import static org.portpass.application.LineStatus.PRODUCTION;
import static org.portpass.application.LineStatus.READY;
import static org.portpass.application.LineStatus.RETURNED;
import static org.portpass.application.LineStatus.REVIEW;
import static org.portpass.application.LineStatus.SUPERVISOR;
import static org.portpass.application.Lines.lineIn;

import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.portpass.application.Lines.Step;

/** Every step from every state, on a single-port line: the legal ones and all the others. */
class LineFlowTransitionsTest {

  /** The whole transition table: (from, step) → to. Every pair not listed is illegal. */
  private static final Map<LineStatus, Map<Step, LineStatus>> LEGAL =
      new EnumMap<>(LineStatus.class);

  static {
    legal(DRAFT, Step.SUBMIT, REVIEW);
    legal(REVIEW, Step.APPROVE, POLICE);
    legal(POLICE, Step.APPROVE, SUPERVISOR);
    legal(SUPERVISOR, Step.APPROVE, PRODUCTION);
    for (LineStatus stage : new LineStatus[] {REVIEW, POLICE, SUPERVISOR}) {
      legal(stage, Step.REJECT, RETURNED);
      legal(stage, Step.CANCEL, CANCELLED);
    }
    legal(RETURNED, Step.RESUBMIT, REVIEW);
    legal(RETURNED, Step.CANCEL, CANCELLED);
    legal(PRODUCTION, Step.MARK_READY, READY);
    legal(READY, Step.PICK_UP, PICKED_UP);
  }

  /** What the refusal says is possible instead, per state. */
  private static final Map<LineStatus, String> POSSIBLE =
      Map.of(
          DRAFT, "only submit is possible (edit the draft to remove a line)",
          REVIEW, "only approve, reject or cancel are possible",
          POLICE, "only approve, reject or cancel are possible",
          SUPERVISOR, "only approve, reject or cancel are possible",
          RETURNED, "only resubmit or cancel are possible",
          PRODUCTION, "only mark ready is possible",
          READY, "only pick up is possible",
          PICKED_UP, "it can no longer change",
          CANCELLED, "it can no longer change");

  private static void legal(LineStatus from, Step step, LineStatus to) {
    LEGAL.computeIfAbsent(from, s -> new EnumMap<>(Step.class)).put(step, to);
  }

  static Stream<Arguments> legalSteps() {
    return LEGAL.entrySet().stream()
        .flatMap(
            e ->
                e.getValue().entrySet().stream()
                    .map(s -> Arguments.of(e.getKey(), s.getKey(), s.getValue())));
  }

  static Stream<Arguments> illegalSteps() {
    return Stream.of(LineStatus.values())
        .flatMap(
            from ->
                Stream.of(Step.values())
                    .filter(step -> !LEGAL.getOrDefault(from, Map.of()).containsKey(step))
                    .map(step -> Arguments.of(from, step)));
  }

  @ParameterizedTest(name = "{0} --{1}--> {2}")
  @MethodSource("legalSteps")
  void legalStepReachesItsState(LineStatus from, Step step, LineStatus to) {
    LineFlow line = lineIn(from);

    LineFlow next = step.applyTo(line);

    assertEquals(to, next.status());
    assertEquals(from, line.status(), "the original line is unchanged");
  }

  @ParameterizedTest(name = "{1} refused when {0}")
  @MethodSource("illegalSteps")
  void illegalStepIsRefusedNamingTheState(LineStatus from, Step step) {
    LineFlow line = lineIn(from);

    IllegalTransitionException e =
        assertThrows(IllegalTransitionException.class, () -> step.applyTo(line));

    assertEquals(expectedRefusal(from, step), e.getMessage());
    assertEquals("illegal-transition", e.code());
    assertEquals(from, e.status());
  }

  private static String expectedRefusal(LineStatus from, Step step) {
    if (step == Step.CANCEL && from == DRAFT) {
      return "cannot cancel: line is DRAFT; a draft's line is removed by editing the draft, or the"
          + " draft is deleted";
    }
    if (step == Step.CANCEL && !from.isFinal()) {
      return "cannot cancel: line is "
          + from
          + "; a line can only be cancelled before card production";
    }
    return "cannot " + step.word + ": line is " + from + "; " + POSSIBLE.get(from);
  }
}
