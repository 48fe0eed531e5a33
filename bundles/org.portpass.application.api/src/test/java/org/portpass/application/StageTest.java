package org.portpass.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.portpass.core.Role;

class StageTest {

  @Test
  void stagesFollowReviewerPoliceSupervisor() {
    assertEquals(Optional.of(Stage.POLICE), Stage.REVIEW.next());
    assertEquals(Optional.of(Stage.SUPERVISOR), Stage.POLICE.next());
    assertEquals(Optional.empty(), Stage.SUPERVISOR.next());
  }

  @Test
  void eachStageIsDecidedByItsPortRole() {
    assertEquals(Role.REVIEWER, Stage.REVIEW.role());
    assertEquals(Role.POLICE, Stage.POLICE.role());
    assertEquals(Role.SUPERVISOR, Stage.SUPERVISOR.role());
  }

  @ParameterizedTest
  @EnumSource(Stage.class)
  void stageAndLineStatusCorrespond(Stage stage) {
    assertEquals(Optional.of(stage), stage.lineStatus().stage());
    assertTrue(stage.lineStatus().isCancellable());
    assertFalse(stage.lineStatus().isFinal());
  }

  @Test
  void temporaryFormNeedsEightLines() {
    assertEquals(8, PassType.MIN_TEMPORARY_LINES);
    assertEquals(8, PassType.TEMPORARY.minLines());
    assertEquals(1, PassType.LONG_TERM.minLines());
  }
}
