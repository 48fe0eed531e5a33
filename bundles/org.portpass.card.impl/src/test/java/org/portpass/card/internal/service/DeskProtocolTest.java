package org.portpass.card.internal.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portpass.card.AttemptOutcome;
import org.portpass.card.CardJob;
import org.portpass.card.CardJobStatus;
import org.portpass.card.CardStatus;
import org.portpass.card.CardStep;
import org.portpass.card.StepOrder;
import org.portpass.card.StepReport;
import org.portpass.core.ConflictException;
import org.portpass.core.ForbiddenException;
import org.portpass.core.ValidationException;

/** A desk takes a job through its steps with next, begin and report; the server judges each. */
class DeskProtocolTest {
  private final CardProduction production = new CardProduction();
  private final CardServiceImpl cards = production.cards;

  @AfterEach
  void close() {
    production.close();
  }

  @Test
  void aJobGoesThroughPrintVerifyAndEncodeToDone() {
    long job = production.queued("P-1");
    assertEquals(
        List.of(job),
        cards.next(CardProduction.KEL_DESK, "KEL", "desk-1", 10).stream()
            .map(CardJob::id)
            .toList());

    StepOrder print = production.begin(job, "desk-1");
    assertEquals(CardStep.PRINT, print.step());
    assertEquals("P-1-C1", print.cardSerial());
    assertArrayEquals("png P-1-C1".getBytes(StandardCharsets.US_ASCII), print.cardFace());
    assertEquals("王小明", production.renderer.faces.get(0).nameZh());
    assertEquals(CardJobStatus.PRINTED, production.succeed(print).status());

    StepOrder verify = production.begin(job, "desk-1");
    assertEquals(CardStep.VERIFY, verify.step());
    assertNull(verify.cardFace());
    assertEquals(CardJobStatus.VERIFIED, production.succeed(verify).status());

    StepOrder encode = production.begin(job, "desk-1");
    assertEquals(CardStep.ENCODE, encode.step());
    assertEquals(production.renderer.lastPrintedCode(), production.chipData(encode));
    CardJob done = production.succeed(encode);

    assertEquals(CardJobStatus.DONE, done.status());
    assertEquals(3, done.attempts().size());
    assertTrue(done.attempts().stream().allMatch(a -> a.outcome() == AttemptOutcome.OK));
    CardJob.Card card = done.cards().get(0);
    assertEquals(CardStatus.LIVE, card.status());
    assertEquals("04A1B2C3" + job, card.chipUid());
    assertEquals(List.of("P-1"), production.passes.readied);
    assertEquals(
        List.of(true),
        production.db.column("SELECT ready_reported FROM card_job WHERE id = ?", job));
    assertEquals(List.of(), cards.next(CardProduction.KEL_DESK, "KEL", "desk-1", 10));
  }

  @Test
  void aFailedPrintVoidsTheCardAndWaitsForTheOperator() {
    long job = production.queued("P-1");
    CardJob failed = production.fail(production.begin(job, "desk-1"), "JAM", "paper jam");

    assertEquals(CardJobStatus.FAILED, failed.status());
    assertEquals(CardStep.PRINT, failed.failedStep());
    assertEquals("PRINT: JAM paper jam", failed.lastError());
    CardJob.Attempt attempt = failed.attempts().get(0);
    assertEquals(AttemptOutcome.FAILED, attempt.outcome());
    assertEquals("JAM", attempt.fault());
    assertEquals("device-1", attempt.device());
    assertEquals(CardStatus.VOID, failed.cards().get(0).status());
    assertNull(failed.cardSerial());
    ConflictException refused =
        assertThrows(ConflictException.class, () -> production.begin(job, "desk-1"));
    assertEquals("job-status", refused.code());

    cards.retry(CardProduction.KEL_DESK, job);
    assertEquals("P-1-C2", production.begin(job, "desk-1").cardSerial());
  }

  @Test
  void aFailedEncodeKeepsTheCardForTheRetry() {
    long job = production.queued("P-1");
    production.step(job, "desk-1", CardStep.PRINT);
    production.step(job, "desk-1", CardStep.VERIFY);
    CardJob failed = production.fail(production.begin(job, "desk-1"), "ENCODE_ERROR", "no chip");

    assertEquals(CardStep.ENCODE, failed.failedStep());
    assertEquals(CardStatus.ISSUING, failed.cards().get(0).status());
    assertEquals(CardJobStatus.VERIFIED, cards.retry(CardProduction.KEL_DESK, job).status());
    StepOrder again = production.begin(job, "desk-1");
    assertEquals(CardStep.ENCODE, again.step());
    assertEquals("P-1-C1", again.cardSerial());
    assertEquals(CardJobStatus.DONE, production.succeed(again).status());
  }

  @Test
  void aVerifyThatScannedAnotherCardsCodeIsAFailureThatLosesTheCard() {
    long other = production.queued("P-2");
    production.step(other, "desk-1", CardStep.PRINT);
    String otherCode = production.renderer.lastPrintedCode();
    long job = production.queued("P-1");
    production.step(job, "desk-1", CardStep.PRINT);
    StepOrder verify = production.begin(job, "desk-1");

    CardJob failed =
        cards.report(
            CardProduction.KEL_DESK,
            job,
            verify.attemptId(),
            new StepReport(true, "scanner-1", null, null, otherCode, null, null));

    assertEquals(CardJobStatus.FAILED, failed.status());
    assertEquals(CardStep.PRINT, failed.failedStep()); // the card is lost: print anew
    CardJob.Attempt attempt = failed.attempts().get(1);
    assertEquals("WRONG_READ", attempt.fault());
    assertEquals("the scanned code is for card P-2-C1, not P-1-C1", attempt.message());
    assertEquals(CardStatus.VOID, failed.cards().get(0).status());
  }

  @Test
  void aChipThatReadsBackOtherDataIsAnEncodeError() {
    long job = production.queued("P-1");
    production.step(job, "desk-1", CardStep.PRINT);
    production.step(job, "desk-1", CardStep.VERIFY);
    StepOrder encode = production.begin(job, "desk-1");

    CardJob failed =
        cards.report(
            CardProduction.KEL_DESK,
            job,
            encode.attemptId(),
            new StepReport(true, "encoder-1", null, null, null, "04FF", new byte[] {1, 2, 3}));

    assertEquals(CardStep.ENCODE, failed.failedStep());
    assertEquals("ENCODE_ERROR", failed.attempts().get(2).fault());
    assertEquals(
        "the chip read back other data than was written", failed.attempts().get(2).message());
    assertNull(failed.cards().get(0).chipUid());
  }

  @Test
  void anAttemptIsClosedOnceAndAFaultMustBeADeviceFault() {
    long job = production.queued("P-1");
    StepOrder print = production.begin(job, "desk-1");
    ValidationException unknownFault =
        assertThrows(ValidationException.class, () -> production.fail(print, "ON_FIRE", "smoke"));
    assertEquals("fault", unknownFault.errors().get(0).field());
    production.succeed(print);

    ConflictException again =
        assertThrows(ConflictException.class, () -> production.succeed(print));
    assertEquals("attempt-closed", again.code());
  }

  @Test
  void aPrintInterruptedAndBegunAgainBySameDeskIsClosedAndItsCardVoided() {
    long job = production.queued("P-1");
    StepOrder lost = production.begin(job, "desk-1"); // the desk dies before it reports

    ConflictException refused =
        assertThrows(ConflictException.class, () -> production.begin(job, "desk-1"));

    assertEquals("job-status", refused.code()); // the operator retries or voids first
    CardJob after = cards.job(CardProduction.KEL_DESK, job);
    assertEquals(CardJobStatus.FAILED, after.status());
    assertEquals(CardStep.PRINT, after.failedStep());
    assertNull(after.activeStep());
    CardJob.Attempt attempt = after.attempts().get(0);
    assertEquals(lost.attemptId(), attempt.id());
    assertEquals(AttemptOutcome.INTERRUPTED, attempt.outcome());
    assertEquals("not reported by desk desk-1", attempt.message());
    CardJob.Card card = after.cards().get(0);
    assertEquals(CardStatus.VOID, card.status());
    assertEquals("print interrupted; destroy the card if one came out", card.voidReason());

    cards.retry(CardProduction.KEL_DESK, job);
    CardJob done = production.made(job, "desk-1");
    assertEquals(CardJobStatus.DONE, done.status());
    assertEquals("P-1-C2", done.cardSerial());
  }

  @Test
  void anInterruptedVerifyIsRunAgainOnTheSameCard() {
    long job = production.queued("P-1");
    production.step(job, "desk-1", CardStep.PRINT);
    StepOrder lost = production.begin(job, "desk-1");

    StepOrder again = production.begin(job, "desk-1");

    assertEquals(CardStep.VERIFY, again.step());
    assertEquals(lost.cardSerial(), again.cardSerial());
    CardJob job1 = cards.job(CardProduction.KEL_DESK, job);
    assertEquals(AttemptOutcome.INTERRUPTED, job1.attempts().get(1).outcome());
    assertNull(job1.attempts().get(2).outcome());
    assertEquals(CardStatus.ISSUING, job1.cards().get(0).status());
    assertEquals(CardJobStatus.VERIFIED, production.succeed(again).status());
  }

  @Test
  void theCardInOneDesksTrayIsRefusedToAnotherDesk() {
    long job = production.queued("P-1");
    production.step(job, "desk-1", CardStep.PRINT);

    ConflictException refused =
        assertThrows(ConflictException.class, () -> production.begin(job, "desk-2"));

    assertEquals("card-at-other-desk", refused.code());
    assertEquals("desk", refused.field());
    assertEquals(List.of(), cards.next(CardProduction.KEL_DESK, "KEL", "desk-2", 10));
    assertEquals(
        List.of(job),
        cards.next(CardProduction.KEL_DESK, "KEL", "desk-1", 10).stream()
            .map(CardJob::id)
            .toList());
  }

  @Test
  void aStepAnotherDeskBegunIsTakenOverOnlyAfterTwoMinutesWithoutAReport() {
    long job = production.queued("P-1");
    production.begin(job, "desk-1");

    ConflictException busy =
        assertThrows(ConflictException.class, () -> production.begin(job, "desk-2"));
    assertEquals("job-busy", busy.code());

    production.db.update(
        "UPDATE card_attempt SET started_at = {fn TIMESTAMPADD(SQL_TSI_MINUTE, -3, started_at)}");
    assertThrows(ConflictException.class, () -> production.begin(job, "desk-2"));
    CardJob after = cards.job(CardProduction.KEL_DESK, job);
    assertEquals(AttemptOutcome.INTERRUPTED, after.attempts().get(0).outcome());
    assertEquals(CardStatus.VOID, after.cards().get(0).status());
  }

  @Test
  void onlyThePortsCardDeskWorksOnItsJobs() {
    long job = production.queued("P-1");
    ForbiddenException refused =
        assertThrows(
            ForbiddenException.class, () -> cards.begin(CardProduction.KHH_DESK, job, "desk-9"));
    assertNotNull(refused.getMessage());
    assertEquals(
        List.of(), production.db.column("SELECT id FROM card_attempt WHERE job_id = ?", job));
  }
}
