package org.portpass.card.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.portpass.application.PassService;
import org.portpass.application.PassStatus;
import org.portpass.card.AttemptOutcome;
import org.portpass.card.CardJob;
import org.portpass.card.CardJobStatus;
import org.portpass.card.CardStatus;
import org.portpass.card.CardStep;
import org.portpass.testing.Eventually;

/** Jobs come from the pass events, and from the catch-up for what the events missed. */
class CardIntakeTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final CardProduction production = new CardProduction();
  private CardIntake intake;

  @AfterEach
  void close() {
    intake.deactivate();
    production.close();
  }

  private CardIntake start() {
    intake = new CardIntake(production.jpa, () -> CardSchema.UNIT, production.passes);
    return intake;
  }

  private long jobs(String passNumber) {
    return production.db.number("SELECT COUNT(*) FROM card_job WHERE pass_number = ?", passNumber);
  }

  @Test
  void anIssuedPassGetsItsFirstCardJobAtItsPickupPort() {
    start()
        .handleEvent(
            new Event(
                PassService.ISSUED_TOPIC,
                Map.of("passNumber", "P-9", "lineId", 9L, "pickupPort", "KHH")));

    Eventually.until("the job is queued", WAIT, () -> jobs("P-9") == 1);
    assertEquals(
        List.of("KHH"),
        production.db.column("SELECT port FROM card_job WHERE pass_number = 'P-9'"));
    assertEquals(
        List.of("QUEUED"),
        production.db.column("SELECT status FROM card_job WHERE pass_number = 'P-9'"));
  }

  @Test
  void theCatchUpQueuesAPassWhoseEventWasMissedOnce() {
    production.passes.add("P-1", "KEL", List.of("KEL"));
    start();
    Eventually.until("the job is queued", WAIT, () -> jobs("P-1") == 1);

    intake.handleEvent(
        new Event(
            PassService.ISSUED_TOPIC,
            Map.of("passNumber", "P-1", "lineId", 1L, "pickupPort", "KEL")));
    // the intake handles events in order: once a later pass's job is there, P-1's was handled
    intake.handleEvent(
        new Event(
            PassService.ISSUED_TOPIC,
            Map.of("passNumber", "P-2", "lineId", 2L, "pickupPort", "KEL")));
    Eventually.until("the later event is handled", WAIT, () -> jobs("P-2") == 1);
    assertEquals(1, jobs("P-1")); // the database kept one job
  }

  @Test
  void theCatchUpTellsThePassServiceOfACardItMissed() {
    long job = production.queued("P-1");
    production.made(job, "desk-1");
    production.passes.readied.clear();
    production.db.update("UPDATE card_job SET ready_reported = false");

    start();

    Eventually.until(
        "the card is reported ready", WAIT, () -> production.passes.readied.contains("P-1"));
    Eventually.until(
        "the report is recorded",
        WAIT,
        () -> production.db.number("SELECT COUNT(*) FROM card_job WHERE ready_reported") == 1);
  }

  @Test
  void aRevokedPassCancelsItsOpenJobAndVoidsTheCardInTheMaking() {
    long job = production.queued("P-1");
    production.step(job, "desk-1", CardStep.PRINT);
    production.begin(job, "desk-1"); // VERIFY begun
    production.passes.put(
        FakePasses.withStatus(production.passes.get(null, "P-1"), PassStatus.REVOKED));

    start()
        .handleEvent(
            new Event(
                PassService.CHANGED_TOPIC,
                Map.of("passNumber", "P-1", "status", PassStatus.REVOKED.name())));

    Eventually.until(
        "the job is cancelled",
        WAIT,
        () ->
            production.cards.job(CardProduction.KEL_DESK, job).status() == CardJobStatus.CANCELLED);
    CardJob cancelled = production.cards.job(CardProduction.KEL_DESK, job);
    assertEquals(AttemptOutcome.INTERRUPTED, cancelled.attempts().get(1).outcome());
    assertEquals(CardStatus.VOID, cancelled.cards().get(0).status());
    assertEquals("the pass was revoked", cancelled.cards().get(0).voidReason());
    assertEquals(
        1,
        production.db.number(
            "SELECT COUNT(*) FROM audit_event WHERE action = 'card-job.cancelled'"));
  }
}
