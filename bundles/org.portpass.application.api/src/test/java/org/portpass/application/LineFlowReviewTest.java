package org.portpass.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portpass.application.Lines.KEL;
import static org.portpass.application.Lines.KEL_TPE;
import static org.portpass.application.Lines.REASON;
import static org.portpass.application.Lines.lineIn;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.portpass.core.ConflictException;
import org.portpass.core.FieldError;
import org.portpass.core.ValidationException;

/** The review rules of the seed: every port approves each stage, one rejection returns the line. */
class LineFlowReviewTest {

  @Test
  void singlePortLineWalksFromDraftToPickup() {
    LineFlow line = LineFlow.draft(KEL);
    assertEquals(LineStatus.DRAFT, line.status());

    line = line.submit();
    assertEquals(LineStatus.REVIEW, line.status());
    line = line.approve("KEL", Stage.REVIEW);
    assertEquals(LineStatus.POLICE, line.status());
    line = line.approve("KEL", Stage.POLICE);
    assertEquals(LineStatus.SUPERVISOR, line.status());
    line = line.approve("KEL", Stage.SUPERVISOR);
    assertEquals(LineStatus.PRODUCTION, line.status());
    line = line.markReady().pickUp();

    assertEquals(LineStatus.PICKED_UP, line.status());
    assertEquals(0, line.revision());
  }

  @ParameterizedTest
  @EnumSource(Stage.class)
  void approvalByOnePortWaitsForTheOthers(Stage stage) {
    LineFlow line = lineIn(stage.lineStatus(), KEL_TPE);

    LineFlow approved = line.approve("KEL", stage);

    assertEquals(stage.lineStatus(), approved.status());
    assertEquals(Set.of("KEL"), approved.approvals());
    assertEquals(Set.of("TPE"), approved.pendingPorts());
    assertFalse(approved.isOpenAt("KEL", stage));
    assertTrue(approved.isOpenAt("TPE", stage));
  }

  @ParameterizedTest
  @EnumSource(Stage.class)
  void lastApprovalEntersTheNextStageWithEveryPortPending(Stage stage) {
    LineFlow line = lineIn(stage.lineStatus(), KEL_TPE).approve("TPE", stage);

    LineFlow next = line.approve("KEL", stage);

    assertEquals(stage.next().map(Stage::lineStatus).orElse(LineStatus.PRODUCTION), next.status());
    assertEquals(Set.of(), next.approvals());
    assertEquals(stage.next().isPresent() ? KEL_TPE : Set.of(), next.pendingPorts());
    assertEquals(next.currentStage(), stage.next());
  }

  @Test
  void twoPortLineReachesProductionOnlyAfterBothSupervisors() {
    LineFlow line = LineFlow.draft(KEL_TPE).submit();
    for (Stage stage : Stage.values()) {
      line = line.approve("KEL", stage);
      assertEquals(stage.lineStatus(), line.status(), "TPE has not approved " + stage + " yet");
      line = line.approve("TPE", stage);
    }
    assertEquals(LineStatus.PRODUCTION, line.status());
  }

  @ParameterizedTest
  @EnumSource(Stage.class)
  void oneRejectionReturnsTheLineAndWithdrawsTheOtherPortsTasks(Stage stage) {
    LineFlow line = lineIn(stage.lineStatus(), Set.of("KEL", "TPE", "KHH")).approve("KHH", stage);

    LineFlow returned = line.reject("KEL", stage, "  insurance expired  ");

    assertEquals(LineStatus.RETURNED, returned.status());
    assertEquals(Set.of(), returned.approvals());
    assertEquals(Set.of(), returned.pendingPorts());
    assertFalse(returned.isOpenAt("TPE", stage), "TPE's open task is withdrawn");
    assertEquals(Optional.of("insurance expired"), returned.lastReason());
    IllegalTransitionException e =
        assertThrows(IllegalTransitionException.class, () -> returned.approve("TPE", stage));
    assertEquals(
        "cannot approve: line is RETURNED; only resubmit or cancel are possible", e.getMessage());
  }

  @Test
  void resubmissionRestartsReviewAtEveryPortAndCountsTheRevision() {
    LineFlow line = LineFlow.draft(KEL_TPE).submit();
    assertEquals(0, line.revision());

    line = line.approve("KEL", Stage.REVIEW).approve("TPE", Stage.REVIEW);
    line = line.reject("TPE", Stage.POLICE, REASON).resubmit();

    assertEquals(LineStatus.REVIEW, line.status());
    assertEquals(1, line.revision());
    assertEquals(KEL_TPE, line.pendingPorts());
    assertEquals(Optional.of(REASON), line.lastReason(), "kept for the line's history");

    line = line.reject("KEL", Stage.REVIEW, "wrong dates").resubmit();
    assertEquals(2, line.revision());
    assertEquals(Optional.of("wrong dates"), line.lastReason());
  }

  @Test
  void theRejectionReasonIsGoneOnceEveryPortApproved() {
    LineFlow line = LineFlow.draft(Set.of("KEL")).submit().reject("KEL", Stage.REVIEW, REASON);
    line = line.resubmit();
    for (Stage stage : Stage.values()) {
      assertEquals(Optional.of(REASON), line.lastReason(), "shown while reviewed again");
      line = line.approve("KEL", stage);
    }
    assertEquals(LineStatus.PRODUCTION, line.status());
    assertEquals(Optional.empty(), line.lastReason());
    assertEquals(Optional.empty(), line.markReady().lastReason());
  }

  @Test
  void aCancelledLineKeepsNoRejectionReason() {
    LineFlow returned = LineFlow.draft(Set.of("KEL")).submit().reject("KEL", Stage.REVIEW, REASON);
    assertEquals(Optional.empty(), returned.cancel().lastReason());
  }

  @ParameterizedTest
  @EnumSource(
      value = LineStatus.class,
      names = {"REVIEW", "POLICE", "SUPERVISOR", "RETURNED"})
  void canCancelBeforeProduction(LineStatus status) {
    LineFlow line = lineIn(status, KEL_TPE);
    if (line.currentStage().isPresent()) {
      line = line.approve("TPE", line.currentStage().get());
    }

    LineFlow cancelled = line.cancel();

    assertEquals(LineStatus.CANCELLED, cancelled.status());
    assertEquals(Set.of(), cancelled.approvals());
    assertEquals(Set.of(), cancelled.pendingPorts(), "open tasks are withdrawn");
    assertTrue(status.isCancellable());
  }

  @ParameterizedTest
  @EnumSource(
      value = LineStatus.class,
      names = {"PRODUCTION", "READY"})
  void cannotCancelOnceProductionStarted(LineStatus status) {
    LineFlow line = lineIn(status, KEL_TPE);

    IllegalTransitionException e = assertThrows(IllegalTransitionException.class, line::cancel);

    assertEquals(
        "cannot cancel: line is "
            + status
            + "; a line can only be cancelled before card production",
        e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(
      value = LineStatus.class,
      names = {"PICKED_UP", "CANCELLED"})
  void finalLinesCannotBeCancelled(LineStatus status) {
    IllegalTransitionException e =
        assertThrows(IllegalTransitionException.class, lineIn(status)::cancel);

    assertEquals("cannot cancel: line is " + status + "; it can no longer change", e.getMessage());
  }

  @ParameterizedTest
  @EnumSource(Stage.class)
  void portCannotApproveTwice(Stage stage) {
    LineFlow line = lineIn(stage.lineStatus(), KEL_TPE).approve("KEL", stage);

    IllegalTransitionException e =
        assertThrows(IllegalTransitionException.class, () -> line.approve("KEL", stage));

    assertEquals(
        "cannot approve: port KEL has already approved stage " + stage + "; waiting for TPE",
        e.getMessage());
  }

  @Test
  void portCannotRejectWhatItApproved() {
    LineFlow line = lineIn(LineStatus.REVIEW, KEL_TPE).approve("KEL", Stage.REVIEW);

    IllegalTransitionException e =
        assertThrows(
            IllegalTransitionException.class, () -> line.reject("KEL", Stage.REVIEW, REASON));

    assertEquals(
        "cannot reject: port KEL has already approved stage REVIEW; waiting for TPE",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"KHH", "kel", ""})
  void portThatIsNotAnAccessPortCannotDecide(String port) {
    LineFlow line = lineIn(LineStatus.REVIEW, KEL_TPE);

    IllegalTransitionException approve =
        assertThrows(IllegalTransitionException.class, () -> line.approve(port, Stage.REVIEW));
    IllegalTransitionException reject =
        assertThrows(
            IllegalTransitionException.class, () -> line.reject(port, Stage.REVIEW, REASON));

    assertEquals(
        "cannot approve: port " + port + " is not an access port of this line (KEL, TPE)",
        approve.getMessage());
    assertEquals(
        "cannot reject: port " + port + " is not an access port of this line (KEL, TPE)",
        reject.getMessage());
  }

  static Stream<Arguments> wrongStages() {
    return Stream.of(Stage.values())
        .flatMap(
            current ->
                Stream.of(Stage.values())
                    .filter(other -> other != current)
                    .map(other -> Arguments.of(current, other)));
  }

  @ParameterizedTest(name = "line at {0}, decision at {1}")
  @MethodSource("wrongStages")
  void decisionAtAnotherStageIsRefused(Stage current, Stage wrong) {
    LineFlow line = lineIn(current.lineStatus(), KEL_TPE);

    IllegalTransitionException approve =
        assertThrows(IllegalTransitionException.class, () -> line.approve("KEL", wrong));
    IllegalTransitionException reject =
        assertThrows(IllegalTransitionException.class, () -> line.reject("KEL", wrong, REASON));

    assertEquals(
        "cannot approve at stage " + wrong + ": line is at stage " + current, approve.getMessage());
    assertEquals(
        "cannot reject at stage " + wrong + ": line is at stage " + current, reject.getMessage());
    assertFalse(line.isOpenAt("KEL", wrong));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\n"})
  void rejectionNeedsAReason(String reason) {
    LineFlow line = lineIn(LineStatus.REVIEW, KEL_TPE);

    ValidationException e =
        assertThrows(ValidationException.class, () -> line.reject("KEL", Stage.REVIEW, reason));

    assertEquals(
        List.of(
            FieldError.of(
                "reason",
                "reject-needs-reason",
                "is required to reject a line; tell the company what to fix")),
        e.errors());
    assertEquals(LineStatus.REVIEW, line.status());
  }

  @ParameterizedTest
  @EnumSource(
      value = LineStatus.class,
      names = {"REVIEW", "POLICE", "SUPERVISOR"},
      mode = EnumSource.Mode.EXCLUDE)
  void noTaskIsOpenOutsideReview(LineStatus status) {
    LineFlow line = lineIn(status, KEL_TPE);

    assertEquals(Set.of(), line.pendingPorts());
    assertEquals(Optional.empty(), line.currentStage());
    for (Stage stage : Stage.values()) {
      assertFalse(line.isOpenAt("KEL", stage));
    }
  }

  @Test
  void noTaskIsOpenForANullPortOrStage() {
    LineFlow line = lineIn(LineStatus.REVIEW, KEL_TPE);

    assertFalse(line.isOpenAt(null, Stage.REVIEW));
    assertFalse(line.isOpenAt("KEL", null));
  }

  @Test
  void refusalIsAConflictWithAStableCode() {
    ConflictException e =
        assertThrows(ConflictException.class, () -> lineIn(LineStatus.DRAFT).pickUp());

    assertInstanceOf(IllegalTransitionException.class, e);
    assertEquals("illegal-transition", e.code());
  }
}
