package org.portpass.application.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portpass.application.internal.service.ApplicationServices.TODAY;
import static org.portpass.application.internal.service.ApplicationServices.line;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.portpass.application.ApplicationConflicts;
import org.portpass.application.Decision;
import org.portpass.application.DecisionResult;
import org.portpass.application.FormLine;
import org.portpass.application.FormLineInput;
import org.portpass.application.LineRef;
import org.portpass.application.LineStatus;
import org.portpass.application.PassService;
import org.portpass.application.PassType;
import org.portpass.application.Stage;
import org.portpass.application.SubjectKind;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.ForbiddenException;
import org.portpass.core.Role;
import org.portpass.core.ValidationException;

/**
 * Reviewers' decisions: the last approval at the last stage issues the pass, a rejection returns
 * the line with its reason, a decision on an old revision is refused, and a bulk decision answers
 * each line's own result.
 */
class ReviewDecisionsTest {
  private final ApplicationServices app = new ApplicationServices();

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void approvedAtEveryStageOfEveryPortTheLineGetsItsPass() {
    FormLine line = sent(Set.of("KEL", "KHH"));

    for (Stage stage : Stage.values()) {
      FormLine half = decide(line.id(), "KEL", stage, Decision.APPROVE, null, 0);
      assertEquals(stage.lineStatus(), half.status(), "KHH has not decided yet");
      assertEquals(Set.of("KHH"), half.pendingPorts());
      assertNull(half.passNumber());
      line = decide(line.id(), "KHH", stage, Decision.APPROVE, null, 0);
    }

    assertEquals(LineStatus.PRODUCTION, line.status());
    assertNotNull(line.passNumber());
    List<Event> issued = app.events.events(PassService.ISSUED_TOPIC);
    assertEquals(1, issued.size());
    assertEquals(line.passNumber(), issued.get(0).getProperty(PassService.PASS_NUMBER));
    assertEquals(line.id(), issued.get(0).getProperty(PassService.LINE_ID));
    assertEquals(
        1, app.db.number("SELECT COUNT(*) FROM pass WHERE pass_number = ?", line.passNumber()));
  }

  @Test
  void aRejectionReturnsTheLineWithItsReasonAndTheResubmissionIsReviewedAgain() {
    FormLine line = sent(Set.of("KEL"));

    assertThrows(
        ValidationException.class,
        () -> decide(line.id(), "KEL", Stage.REVIEW, Decision.REJECT, " ", 0));
    FormLine returned =
        decide(line.id(), "KEL", Stage.REVIEW, Decision.REJECT, " photo unclear ", 0);

    assertEquals(LineStatus.RETURNED, returned.status());
    assertEquals("photo unclear", returned.lastReason());
    FormLine again = resubmit(line, TODAY.plusDays(2), TODAY.plusDays(4));
    assertEquals(LineStatus.REVIEW, again.status());
    assertEquals(1, again.revision());
    assertEquals(
        LineStatus.POLICE,
        decide(line.id(), "KEL", Stage.REVIEW, Decision.APPROVE, null, 1).status());
  }

  @Test
  void aDecisionOnARevisionTheQueueNoLongerShowsIsRefused() {
    FormLine line = sent(Set.of("KEL"));
    decide(line.id(), "KEL", Stage.REVIEW, Decision.REJECT, "expired papers", 0);
    resubmit(line, line.validFrom(), line.validTo());

    ConflictException old =
        assertThrows(
            ConflictException.class,
            () -> decide(line.id(), "KEL", Stage.REVIEW, Decision.APPROVE, null, 0));
    ConflictException unknown =
        assertThrows(
            ConflictException.class,
            () -> decide(line.id(), "KEL", Stage.REVIEW, Decision.APPROVE, null, 7));

    assertEquals(ApplicationConflicts.RESUBMITTED, old.code());
    assertEquals(ApplicationConflicts.UNKNOWN_REVISION, unknown.code());
    assertEquals(
        LineStatus.REVIEW.name(),
        app.db.column("SELECT status FROM application_line WHERE id = ?", line.id()).get(0));
  }

  @Test
  void aReviewerOfAnotherPortMayNotDecide() {
    FormLine line = sent(Set.of("KEL"));
    Caller khh = new Caller("khh", Set.of(Role.REVIEWER), null, Set.of("KHH"), "127.0.0.1", "t");

    assertThrows(
        ForbiddenException.class,
        () -> app.reviews.decide(khh, line.id(), "KEL", Stage.REVIEW, Decision.APPROVE, null, 0));
  }

  @Test
  void aBulkDecisionAnswersEachLinesResult() {
    FormLine first = sent(Set.of("KEL"));
    FormLine decided = sent(Set.of("KEL"));
    decide(decided.id(), "KEL", Stage.REVIEW, Decision.APPROVE, null, 0);
    Caller reviewer = reviewer("KEL", Role.REVIEWER);

    List<DecisionResult> results =
        app.reviews.decideMany(
            reviewer,
            "kel",
            Stage.REVIEW,
            Decision.APPROVE,
            null,
            List.of(new LineRef(first.id(), 0), new LineRef(decided.id(), 0)));

    assertEquals(2, results.size());
    assertTrue(results.get(0).applied());
    assertEquals(LineStatus.POLICE, results.get(0).line().status());
    assertFalse(results.get(1).applied());
    assertEquals(decided.id(), results.get(1).lineId());
    assertNotNull(results.get(1).errorCode());
    assertNotNull(results.get(1).message());
    // what is wrong with the request itself refuses it whole
    assertThrows(
        ValidationException.class,
        () ->
            app.reviews.decideMany(
                reviewer,
                "KEL",
                Stage.REVIEW,
                Decision.REJECT,
                "",
                List.of(new LineRef(first.id(), 0))));
  }

  /** The company sends the returned line again, with these dates and the same photo. */
  private FormLine resubmit(FormLine line, LocalDate from, LocalDate to) {
    return app.applications.resubmitLine(
        app.clerk,
        line.id(),
        new FormLineInput(SubjectKind.PERSON, line.subjectId(), from, to, line.attachmentIds()));
  }

  private FormLine sent(Set<String> ports) {
    long[] person = app.personWithPhoto();
    return app.submit(
            app.form(PassType.LONG_TERM, ports, line(person, TODAY.plusDays(1), TODAY.plusDays(3))))
        .lines()
        .get(0);
  }

  /** As the port's own staff with the stage's role. */
  private FormLine decide(
      long lineId, String port, Stage stage, Decision decision, String reason, int revision) {
    return app.reviews.decide(
        reviewer(port, stage.role()), lineId, port, stage, decision, reason, revision);
  }

  private static Caller reviewer(String port, Role role) {
    return new Caller(
        port.toLowerCase() + "-" + role, Set.of(role), null, Set.of(port), "127.0.0.1", "test");
  }
}
