package org.portpass.application.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.portpass.application.Decision;
import org.portpass.application.FormStatus;
import org.portpass.application.LineRef;
import org.portpass.application.Stage;
import org.portpass.core.FieldError;
import org.portpass.core.ValidationException;

class InputsTest {

  private static List<String> fields(ValidationException e) {
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void stageIsReadInAnyCase() {
    assertEquals(Stage.REVIEW, Inputs.stage("review"));
    assertEquals(Stage.POLICE, Inputs.stage("Police"));
    assertEquals(Stage.SUPERVISOR, Inputs.stage("SUPERVISOR"));
  }

  @Test
  void stageIsReadIndependentlyOfTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr"));
      assertEquals(Stage.POLICE, Inputs.stage("police"));
      assertEquals(Stage.SUPERVISOR, Inputs.stage("supervisor"));
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void unknownStageIsRefusedOnStageField() {
    ValidationException e = assertThrows(ValidationException.class, () -> Inputs.stage("boss"));
    assertEquals(List.of("stage"), fields(e));
    assertTrue(e.getMessage().contains("SUPERVISOR"), e.getMessage());
  }

  @Test
  void absentOptionalEnumIsEmptyAndUnknownIsRefusedOnItsField() {
    assertTrue(Inputs.optionalEnum("status", " ", FormStatus.class).isEmpty());
    assertEquals(
        FormStatus.DRAFT, Inputs.optionalEnum("status", "draft", FormStatus.class).orElseThrow());
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> Inputs.optionalEnum("status", "open", FormStatus.class));
    assertEquals(List.of("status"), fields(e));
  }

  @Test
  void idempotencyKeyIsRequired() {
    for (String missing : Arrays.asList(null, "", "   ")) {
      ValidationException e =
          assertThrows(ValidationException.class, () -> Inputs.idempotencyKey(missing));
      assertEquals(List.of("Idempotency-Key"), fields(e));
    }
  }

  @Test
  void idempotencyKeyOfAtMost100CharactersIsKeptAsSent() {
    String longest = "k".repeat(100);
    assertEquals(longest, Inputs.idempotencyKey(longest));
    ValidationException e =
        assertThrows(ValidationException.class, () -> Inputs.idempotencyKey(longest + "k"));
    assertEquals(List.of("Idempotency-Key"), fields(e));
  }

  @Test
  void decisionNeedsDecisionAndRevisionReportedTogether() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> Inputs.decision(new DecisionRequest(null, "why", null)));
    assertEquals(List.of("decision", "revision"), fields(e));
    assertEquals(
        List.of("decision", "revision"),
        fields(assertThrows(ValidationException.class, () -> Inputs.decision(null))));
    DecisionRequest ok = new DecisionRequest(Decision.APPROVE, null, 0);
    assertEquals(ok, Inputs.decision(ok));
  }

  @Test
  void onlyReviewerDecisionsAreAccepted() {
    assertEquals(
        Decision.REJECT, Inputs.decision(new DecisionRequest(Decision.REJECT, "x", 1)).decision());
    for (Decision step : Decision.values()) {
      if (step != Decision.APPROVE && step != Decision.REJECT) {
        ValidationException e =
            assertThrows(
                ValidationException.class,
                () -> Inputs.decision(new DecisionRequest(step, null, 1)));
        assertEquals(List.of("decision"), fields(e));
        assertEquals(
            List.of("decision"),
            fields(
                assertThrows(
                    ValidationException.class,
                    () ->
                        Inputs.bulk(
                            new BulkDecisionRequest(
                                step, null, List.of(new BulkDecisionRequest.Line(1L, 0)))))));
      }
    }
  }

  @Test
  void bulkNeedsDecisionAndLinesWithoutNullEntries() {
    assertEquals(
        List.of("decision", "lines"),
        fields(
            assertThrows(
                ValidationException.class,
                () -> Inputs.bulk(new BulkDecisionRequest(null, null, List.of())))));
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                Inputs.bulk(
                    new BulkDecisionRequest(
                        Decision.APPROVE,
                        null,
                        Arrays.asList(new BulkDecisionRequest.Line(1L, 0), null))));
    assertEquals(List.of("lines/1"), fields(e));
  }

  @Test
  void bulkLinesNeedTheirIdAndRevision() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                Inputs.bulk(
                    new BulkDecisionRequest(
                        Decision.APPROVE,
                        null,
                        List.of(
                            new BulkDecisionRequest.Line(1L, null),
                            new BulkDecisionRequest.Line(null, 2)))));
    assertEquals(List.of("lines/0/revision", "lines/1/lineId"), fields(e));
    assertEquals(
        List.of(new LineRef(7, 3)),
        Inputs.bulk(
            new BulkDecisionRequest(
                Decision.REJECT, "x", List.of(new BulkDecisionRequest.Line(7L, 3)))));
  }

  @Test
  void missingBodyIsRefusedOnBodyField() {
    assertEquals(
        List.of("body"), fields(assertThrows(ValidationException.class, () -> Inputs.body(null))));
  }
}
