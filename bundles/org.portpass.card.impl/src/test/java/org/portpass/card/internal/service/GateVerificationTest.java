package org.portpass.card.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portpass.application.PassStatus;
import org.portpass.card.Verification;
import org.portpass.storage.Transactions;

/** A gate asks whether the card whose code it scanned may pass here today, and why not. */
class GateVerificationTest {
  private final CardProduction production = new CardProduction();
  private final CardServiceImpl cards = production.cards;

  @AfterEach
  void close() {
    production.close();
  }

  /** A card made and handed over: its pass is ACTIVE, valid from yesterday, at KEL and TPE. */
  private String collectedCard(String passNumber) {
    production.made(production.queued(passNumber), "desk-1");
    cards.pickUp(CardProduction.KEL_DESK, passNumber, "王小明");
    return production.renderer.lastPrintedCode();
  }

  private String reason(String code, String port) {
    return cards.verify(code, port).reason();
  }

  @Test
  void aCollectedLiveCardOfAnActivePassPassesAtItsPorts() {
    String code = collectedCard("P-1");

    Verification ok = cards.verify(code, " tpe ");

    assertTrue(ok.valid());
    assertEquals("ok", ok.reason());
    assertEquals("P-1", ok.passNumber());
    assertEquals("P-1-C1", ok.cardSerial());
    assertEquals("王小明", ok.holder());
    assertEquals(List.of("KEL", "TPE"), ok.accessPorts());
  }

  @Test
  void aPortThePassDoesNotOpenIsRefused() {
    assertEquals("port", reason(collectedCard("P-1"), "KHH"));
  }

  @Test
  void aCardNotYetHandedOverIsRefused() {
    production.made(production.queued("P-1"), "desk-1");
    assertEquals("not-collected", reason(production.renderer.lastPrintedCode(), "KEL"));
  }

  @Test
  void aCardStillInTheMakingOrVoidedIsRefused() {
    long job = production.queued("P-1");
    production.step(job, "desk-1", org.portpass.card.CardStep.PRINT);
    String printed = production.renderer.lastPrintedCode();
    assertEquals("card-void", reason(printed, "KEL"));
    assertEquals("the card is not finished", cards.verify(printed, "KEL").message());

    cards.voidCard(CardProduction.KEL_DESK, job, "smudged print");
    Verification voided = cards.verify(printed, "KEL");
    assertEquals("card-void", voided.reason());
    assertEquals("the card was voided: smudged print", voided.message());
  }

  @Test
  void aSuspendedPassIsRefusedWithItsReason() {
    String code = collectedCard("P-1");
    production.passes.put(
        FakePasses.withStatus(production.passes.get(null, "P-1"), PassStatus.SUSPENDED));

    Verification refused = cards.verify(code, "KEL");

    assertEquals("status", refused.reason());
    assertEquals("the pass is SUSPENDED: under investigation", refused.message());
  }

  @Test
  void aPassOutsideItsDaysIsRefused() {
    String code = collectedCard("P-1");
    LocalDate today = CardProduction.TIME.today();
    var pass = production.passes.get(null, "P-1");

    production.passes.put(FakePasses.withDates(pass, today.plusDays(1), today.plusDays(9)));
    assertEquals("not-yet-valid", reason(code, "KEL"));

    production.passes.put(FakePasses.withDates(pass, today.minusDays(9), today.minusDays(1)));
    assertEquals("expired", reason(code, "KEL"));
  }

  @Test
  void aForgedOrGarbledCodeIsRefusedBeforeAnyLookup() {
    String code = collectedCard("P-1");
    String tampered = code.substring(0, code.length() - 2) + (code.endsWith("A") ? "BB" : "AA");

    Verification forged = cards.verify(tampered, "KEL");

    assertFalse(forged.valid());
    assertEquals("signature", forged.reason());
    assertEquals("format", reason("hello", "KEL"));
  }

  @Test
  void aSignedCodeForACardThatWasNeverMadeIsUnknown() {
    collectedCard("P-1");
    PassCodeKeys keys = PassCodeKeys.loadOrCreate(new Transactions(production.jpa));

    String neverMade = keys.sign(production.passes.get(null, "P-1"), "P-1-C9");

    assertEquals("unknown-pass", reason(neverMade, "KEL"));
  }
}
