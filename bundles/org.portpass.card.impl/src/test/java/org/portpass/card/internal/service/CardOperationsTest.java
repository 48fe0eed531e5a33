package org.portpass.card.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portpass.application.PassStatus;
import org.portpass.card.CardJob;
import org.portpass.card.CardJobStatus;
import org.portpass.card.CardStatus;
import org.portpass.card.CardStep;
import org.portpass.core.ConflictException;

/** What the desk's operator does around the steps: void, hand over, replace a lost card. */
class CardOperationsTest {
  private final CardProduction production = new CardProduction();
  private final CardServiceImpl cards = production.cards;

  @AfterEach
  void close() {
    production.close();
  }

  @Test
  void voidingAPrintedCardQueuesTheJobForANewPrintAndIsAudited() {
    long job = production.queued("P-1");
    production.step(job, "desk-1", CardStep.PRINT);

    CardJob queued = cards.voidCard(CardProduction.KEL_DESK, job, "smudged");

    assertEquals(CardJobStatus.QUEUED, queued.status());
    assertNull(queued.cardSerial());
    assertEquals(CardStatus.VOID, queued.cards().get(0).status());
    assertEquals(
        java.util.List.of("voided P-1-C1: smudged"),
        production.db.column(
            "SELECT after_state FROM audit_event WHERE action = 'card-job.card-voided'"));
    assertEquals("P-1-C2", production.begin(job, "desk-2").cardSerial()); // any desk prints it
  }

  @Test
  void handingTheCardOverActivatesThePassOnce() {
    production.made(production.queued("P-1"), "desk-1");

    CardJob.Card card = cards.pickUp(CardProduction.KEL_DESK, "P-1", " 王小明 ");

    assertEquals("王小明", card.collectedBy());
    assertNotNull(card.collectedAt());
    assertEquals(PassStatus.ACTIVE, production.passes.get(null, "P-1").status());
    ConflictException again =
        assertThrows(
            ConflictException.class, () -> cards.pickUp(CardProduction.KEL_DESK, "P-1", "x"));
    assertEquals("no-card", again.code());
  }

  @Test
  void aLostCardIsVoidedAndItsReplacementQueuedOnce() {
    long first = production.queued("P-1");
    production.made(first, "desk-1");
    cards.pickUp(CardProduction.KEL_DESK, "P-1", "王小明");

    CardJob replacement = cards.reportLost(CardProduction.KEL_DESK, "P-1", "left on the ferry");

    assertEquals(2, replacement.generation());
    assertEquals(CardJobStatus.QUEUED, replacement.status());
    CardJob.Card lost = cards.job(CardProduction.KEL_DESK, first).cards().get(0);
    assertEquals(CardStatus.VOID, lost.status());
    assertEquals("lost: left on the ferry", lost.voidReason());
    ConflictException twice =
        assertThrows(
            ConflictException.class,
            () -> cards.reportLost(CardProduction.KEL_DESK, "P-1", "again"));
    assertEquals("job-open", twice.code());
    assertEquals("P-1-C2", production.made(replacement.id(), "desk-1").cardSerial());
  }
}
