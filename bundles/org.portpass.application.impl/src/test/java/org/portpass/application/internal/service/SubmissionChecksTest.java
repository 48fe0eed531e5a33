package org.portpass.application.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.portpass.application.internal.service.ApplicationServices.TODAY;
import static org.portpass.application.internal.service.ApplicationServices.line;
import static org.portpass.application.internal.service.ApplicationServices.lines;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portpass.application.ApplicationForm;
import org.portpass.application.Finding;
import org.portpass.application.FormInput;
import org.portpass.application.FormLine;
import org.portpass.application.FormLineInput;
import org.portpass.application.FormStatus;
import org.portpass.application.LineStatus;
import org.portpass.application.PassType;
import org.portpass.application.ReviewRule;
import org.portpass.application.ReviewTask;
import org.portpass.application.RuleContext;
import org.portpass.application.Stage;
import org.portpass.application.SubjectKind;
import org.portpass.core.FieldError;
import org.portpass.core.PageRequest;
import org.portpass.core.TooManyRequestsException;
import org.portpass.core.ValidationException;

/**
 * Submission: a valid form goes to review at its ports; every refusal class answers its field
 * problems at once and leaves the draft as it was.
 */
class SubmissionChecksTest {
  private ApplicationServices app = new ApplicationServices();

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void aValidFormIsSubmittedAndWaitsForReviewAtEveryPort() {
    ApplicationForm sent =
        app.submit(
            app.form(
                PassType.TEMPORARY,
                Set.of("KEL", "KHH"),
                lines(app.crew(), TODAY.plusDays(9), TODAY.plusDays(19))));

    assertEquals(FormStatus.SUBMITTED, sent.status());
    assertEquals(String.format("AF2027-%07d", sent.id()), sent.number());
    assertEquals(PassType.MIN_TEMPORARY_LINES, sent.lines().size());
    for (FormLine line : sent.lines()) {
      assertEquals(LineStatus.REVIEW, line.status());
      assertEquals(Set.of("KEL", "KHH"), line.pendingPorts());
    }
    for (String port : List.of("KEL", "KHH")) {
      assertEquals(
          sent.lines().stream().map(FormLine::id).toList(),
          app
              .reviews
              .queue(ApplicationServices.ADMIN, port, Stage.REVIEW, PageRequest.first(20))
              .items()
              .stream()
              .map(t -> t.lineId())
              .toList());
    }
  }

  @Test
  void aMissingPhotoAndMissingFieldsAreRefusedTogether() {
    long[] wang = app.personWithPhoto();
    FormInput input =
        new FormInput(
            null,
            Set.of("KEL"),
            "KEL",
            null,
            List.of(),
            List.of(
                new FormLineInput(SubjectKind.PERSON, wang[0], null, null, List.of()),
                new FormLineInput(null, null, TODAY, TODAY, List.of())));
    ApplicationForm draft = app.applications.saveDraft(app.clerk, input);

    ValidationException refused =
        assertThrows(
            ValidationException.class,
            () -> app.applications.submit(app.clerk, draft.id(), "once"));

    assertProblems(
        refused,
        "passType choose-pass-type",
        "lines/0/validFrom give-dates",
        "lines/0/attachmentIds tick-photo",
        "lines/1/subjectId choose-subject");
    assertEquals(FormStatus.DRAFT, app.applications.getForm(app.clerk, draft.id()).status());
  }

  @Test
  void aPassOverlappingAnotherForTheSamePortIsRefused() {
    List<long[]> crew = app.crew();
    app.submit(
        app.form(
            PassType.LONG_TERM,
            Set.of("KEL"),
            line(crew.get(0), TODAY.plusDays(5), TODAY.plusDays(15))));

    ValidationException refused =
        refused(
            app.form(
                PassType.TEMPORARY,
                Set.of("KEL"),
                lines(crew, TODAY.plusDays(15), TODAY.plusDays(20))));
    assertProblems(refused, "lines/0/validFrom overlaps");

    // the same days at another port, and the next day at the same port, are no overlap
    app.submit(
        app.form(
            PassType.TEMPORARY, Set.of("KHH"), lines(crew, TODAY.plusDays(5), TODAY.plusDays(15))));
    app.submit(
        app.form(
            PassType.TEMPORARY,
            Set.of("KEL"),
            lines(crew, TODAY.plusDays(16), TODAY.plusDays(20))));
  }

  @Test
  void aSecondLongTermPassIsRefusedAtAnyPort() {
    long[] wang = app.personWithPhoto();
    app.submit(
        app.form(
            PassType.LONG_TERM, Set.of("KEL"), line(wang, TODAY.plusDays(1), TODAY.plusDays(200))));

    ValidationException refused =
        refused(
            app.form(
                PassType.LONG_TERM,
                Set.of("KHH"),
                line(wang, TODAY.plusDays(250), TODAY.plusDays(300))));

    assertProblems(refused, "lines/0/subjectId holds-long-term");
  }

  @Test
  void aPortRulesBlockingFindingRefusesTheLineAndAWarningGoesToTheReviewers() {
    app.rule("KEL", rule("kel.no-minors", Finding::blocking, "validTo", "too long for KEL"));
    app.rule("KHH", rule("khh.escort", Finding::warning, null, "needs an escort"));
    long[] wang = app.personWithPhoto();
    FormInput both =
        app.form(PassType.LONG_TERM, Set.of("KEL", "KHH"), line(wang, TODAY, TODAY.plusDays(3)));

    ValidationException refused = refused(both);
    assertProblems(refused, "lines/0/validTo rule-finding");
    assertEquals("KEL: too long for KEL", refused.errors().get(0).message());

    ApplicationForm sent =
        app.submit(
            app.form(PassType.LONG_TERM, Set.of("KHH"), line(wang, TODAY, TODAY.plusDays(3))));
    ReviewTask task =
        app.reviews
            .queue(ApplicationServices.ADMIN, "KHH", Stage.REVIEW, PageRequest.first(20))
            .items()
            .get(0);
    assertEquals(sent.lines().get(0).id(), task.lineId());
    assertEquals(List.of("khh.escort"), task.findings().stream().map(Finding::ruleId).toList());
  }

  @Test
  void theCompanysDailyLimitRefusesTheNextForm() {
    app.close();
    app = new ApplicationServices(Map.of("submissionsPerCompanyPerDay", 1));
    long[] wang = app.personWithPhoto();
    long[] lin = app.personWithPhoto();
    app.submit(app.form(PassType.LONG_TERM, Set.of("KEL"), line(wang, TODAY, TODAY)));

    TooManyRequestsException refused =
        assertThrows(
            TooManyRequestsException.class,
            () -> app.submit(app.form(PassType.LONG_TERM, Set.of("KEL"), line(lin, TODAY, TODAY))));

    assertEquals("submissions-per-day", refused.messageKey());
    assertNotNull(refused.retryAfter());
  }

  @Test
  void aPortsLimitOfTemporaryPassesPerPersonRefusesTheNextOne() {
    app.close();
    app = new ApplicationServices(Map.of("KEL.temporaryPassesPerPersonPer30Days", 1));
    List<long[]> crew = app.crew();
    app.submit(app.form(PassType.TEMPORARY, Set.of("KEL"), lines(crew, TODAY, TODAY)));
    // KHH keeps the default limit
    app.submit(app.form(PassType.TEMPORARY, Set.of("KHH"), lines(crew, TODAY, TODAY)));

    TooManyRequestsException refused =
        assertThrows(
            TooManyRequestsException.class,
            () ->
                app.submit(
                    app.form(
                        PassType.TEMPORARY,
                        Set.of("KEL"),
                        lines(crew, TODAY.plusDays(2), TODAY.plusDays(2)))));

    assertEquals("temporary-per-person", refused.messageKey());
  }

  private ValidationException refused(FormInput input) {
    return assertThrows(ValidationException.class, () -> app.submit(input));
  }

  private interface FindingFactory {
    Finding make(String ruleId, String port, String field, String message);
  }

  private static ReviewRule rule(String id, FindingFactory kind, String field, String message) {
    return new ReviewRule() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public List<Finding> atSubmission(RuleContext line) {
        return List.of(kind.make(id, line.port(), field, message));
      }
    };
  }

  private static void assertProblems(ValidationException refused, String... fieldAndKey) {
    assertEquals(
        List.of(fieldAndKey),
        refused.errors().stream().map(SubmissionChecksTest::fieldAndKey).toList(),
        refused.getMessage());
  }

  private static String fieldAndKey(FieldError e) {
    return e.field() + " " + e.messageKey();
  }
}
