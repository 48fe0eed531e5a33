package org.portpass.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.portpass.application.Lines.KEL_TPE;
import static org.portpass.application.Lines.lineIn;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Rebuilding a stored line, and the invariants that keep stored values consistent. */
class LineFlowRestoreTest {

  @ParameterizedTest
  @EnumSource(LineStatus.class)
  void restoredLineEqualsTheStoredOne(LineStatus status) {
    LineFlow line = lineIn(status, KEL_TPE);
    if (line.currentStage().isPresent()) {
      line = line.approve("TPE", line.currentStage().get());
    }

    LineFlow restored =
        LineFlow.restore(
            line.status(),
            line.accessPorts(),
            line.approvals(),
            line.revision(),
            line.lastReason().orElse(null));

    assertEquals(line, restored);
    assertEquals(line.hashCode(), restored.hashCode());
  }

  @Test
  void needsAnAccessPort() {
    assertThrows(IllegalArgumentException.class, () -> LineFlow.draft(Set.of()));
  }

  @Test
  void refusesABlankPortCode() {
    assertThrows(IllegalArgumentException.class, () -> LineFlow.draft(Set.of("KEL", " ")));
  }

  @Test
  void refusesApprovalsByOtherPorts() {
    assertThrows(
        IllegalArgumentException.class,
        () -> LineFlow.restore(LineStatus.REVIEW, KEL_TPE, Set.of("KHH"), 0, null));
  }

  @Test
  void refusesApprovalsOutsideReview() {
    assertThrows(
        IllegalArgumentException.class,
        () -> LineFlow.restore(LineStatus.RETURNED, KEL_TPE, Set.of("KEL"), 0, null));
  }

  @Test
  void refusesAStageApprovedByEveryPort() {
    assertThrows(
        IllegalArgumentException.class,
        () -> LineFlow.restore(LineStatus.POLICE, KEL_TPE, KEL_TPE, 0, null));
  }

  @Test
  void refusesANegativeRevision() {
    assertThrows(
        IllegalArgumentException.class,
        () -> LineFlow.restore(LineStatus.REVIEW, KEL_TPE, Set.of(), -1, null));
  }
}
