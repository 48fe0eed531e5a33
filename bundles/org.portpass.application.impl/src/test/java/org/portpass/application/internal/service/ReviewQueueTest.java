package org.portpass.application.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portpass.application.ApplicationConflicts;
import org.portpass.application.Decision;
import org.portpass.application.LineStatus;
import org.portpass.application.ReviewTask;
import org.portpass.application.Stage;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.PageRequest;
import org.portpass.core.PortTime;
import org.portpass.core.Role;
import org.portpass.testing.RecordingEventAdmin;
import org.portpass.testing.TestDatabase;

/**
 * The review queues are the review_task rows: a line waits in the queue of every port still pending
 * at its stage, oldest submission first, and leaves a port's queue when that port decides.
 */
class ReviewQueueTest {
  private static final Caller ADMIN =
      new Caller("admin", Set.of(Role.ADMIN), null, Set.of(), "127.0.0.1", "test");
  private static final PortTime TIME =
      PortTime.of(Clock.fixed(Instant.parse("2027-03-01T02:00:00Z"), ZoneOffset.UTC));

  private final TestDatabase db =
      TestDatabase.migrated("db/audit.xml", "db/registry.xml", "db/application.xml");
  private final long company = company();

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void aLineWaitsAtEveryPendingPortAndMovesOnWhenAllApproved() {
    long line = lineInReview(",KEL,KHH,", "2027-02-01T00:00:00Z");
    ReviewServiceImpl reviews = reviews(); // gives lines of older versions their tasks

    assertEquals(List.of(line), queue(reviews, "KEL", Stage.REVIEW));
    assertEquals(List.of(line), queue(reviews, "KHH", Stage.REVIEW));

    reviews.decide(ADMIN, line, "KEL", Stage.REVIEW, Decision.APPROVE, null, 0);
    assertEquals(List.of(), queue(reviews, "KEL", Stage.REVIEW));
    assertEquals(List.of(line), queue(reviews, "KHH", Stage.REVIEW));
    assertEquals(1, reviews.queue(ADMIN, "KHH", Stage.REVIEW, PageRequest.first(20)).total());

    reviews.decide(ADMIN, line, "KHH", Stage.REVIEW, Decision.APPROVE, null, 0);
    assertEquals(List.of(), queue(reviews, "KHH", Stage.REVIEW));
    assertEquals(List.of(line), queue(reviews, "KEL", Stage.POLICE));
    assertEquals(List.of(line), queue(reviews, "KHH", Stage.POLICE));
    assertEquals(
        2,
        db.number("SELECT COUNT(*) FROM review_task WHERE line_id = ? AND stage = 'POLICE'", line));
  }

  @Test
  void aRejectionTakesTheLineOutOfEveryQueue() {
    long line = lineInReview(",KEL,KHH,", "2027-02-01T00:00:00Z");
    ReviewServiceImpl reviews = reviews();

    reviews.decide(ADMIN, line, "KHH", Stage.REVIEW, Decision.REJECT, "photo unclear", 0);

    assertEquals(0, db.number("SELECT COUNT(*) FROM review_task WHERE line_id = ?", line));
    assertEquals(
        LineStatus.RETURNED.name(),
        db.column("SELECT status FROM application_line WHERE id = ?", line).get(0));
  }

  @Test
  void theOldestSubmissionIsServedFirst() {
    long newer = lineInReview(",KEL,", "2027-02-20T00:00:00Z");
    long older = lineInReview(",KEL,", "2027-02-01T00:00:00Z");
    ReviewServiceImpl reviews = reviews();

    assertEquals(List.of(older, newer), queue(reviews, "KEL", Stage.REVIEW));
  }

  @Test
  void aDecisionOnAnOldRevisionChangesNoQueue() {
    long line = lineInReview(",KEL,", "2027-02-01T00:00:00Z");
    db.update("UPDATE application_line SET revision = 1 WHERE id = ?", line);
    ReviewServiceImpl reviews = reviews();

    ConflictException refused =
        assertThrows(
            ConflictException.class,
            () -> reviews.decide(ADMIN, line, "KEL", Stage.REVIEW, Decision.APPROVE, null, 0));

    assertEquals(ApplicationConflicts.RESUBMITTED, refused.code());
    assertEquals(List.of(line), queue(reviews, "KEL", Stage.REVIEW));
  }

  private ReviewServiceImpl reviews() {
    return new ReviewServiceImpl(
        db.unit("portpass-application"),
        () -> "application",
        new RecordingEventAdmin(),
        new RuleRegistry(),
        TIME);
  }

  private static List<Long> queue(ReviewServiceImpl reviews, String port, Stage stage) {
    return reviews.queue(ADMIN, port, stage, PageRequest.first(20)).items().stream()
        .map(ReviewTask::lineId)
        .toList();
  }

  private long company() {
    db.update(
        "INSERT INTO company (tax_id, name, status, version, created_at, updated_at)"
            + " VALUES ('12345675', 'Alpha', 'VERIFIED', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
    return db.number("SELECT id FROM company WHERE tax_id = '12345675'");
  }

  /** A submitted one-line form at REVIEW, as a version without review tasks left it. */
  private long lineInReview(String ports, String submittedAt) {
    Timestamp at = Timestamp.from(Instant.parse(submittedAt));
    db.update(
        "INSERT INTO application_form (form_number, company_id, pass_type, access_ports,"
            + " pickup_port, status, created_by, version, created_at, submitted_at)"
            + " VALUES (?, ?, 'TEMPORARY', ?, 'KEL', 'SUBMITTED', 'test', 0, ?, ?)",
        "AF-" + submittedAt,
        company,
        ports,
        at,
        at);
    long form =
        db.number("SELECT id FROM application_form WHERE form_number = ?", "AF-" + submittedAt);
    db.update(
        "INSERT INTO application_line (form_id, line_no, subject_kind, subject_id, subject_label,"
            + " valid_from, valid_to, status, access_ports, revision, version)"
            + " VALUES (?, 1, 'PERSON', 7, 'Wang', '2027-03-10', '2027-03-20', 'REVIEW', ?, 0, 0)",
        form,
        ports);
    return db.number("SELECT id FROM application_line WHERE form_id = ?", form);
  }
}
