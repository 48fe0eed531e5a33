package org.portpass.card.internal.service;

import java.time.LocalDate;
import org.portpass.application.Pass;
import org.portpass.application.PassService;
import org.portpass.application.PassStatus;
import org.portpass.card.CardStatus;
import org.portpass.card.InvalidPassCodeException;
import org.portpass.card.PassCode;
import org.portpass.card.Verification;
import org.portpass.card.internal.entity.CardEntity;
import org.portpass.core.PortCode;
import org.portpass.core.PortTime;
import org.portpass.storage.Transactions;

/**
 * A gate's question: may the card whose pass code was scanned pass here today? The code must be
 * signed by card production, its card made, live and picked up, and its pass active, in its days
 * and open to the gate's port. The reasons are listed on {@link Verification}.
 */
final class GateVerification {
  private final Transactions tx;
  private final PassService passes;
  private final PassCodeKeys keys;
  private final PortTime time;

  GateVerification(Transactions tx, PassService passes, PassCodeKeys keys, PortTime time) {
    this.tx = tx;
    this.passes = passes;
    this.keys = keys;
    this.time = time;
  }

  Verification verify(String payload, String port) {
    PassCode code;
    try {
      code = PassCode.verify(payload, keys.publicKey());
    } catch (InvalidPassCodeException e) {
      return invalid(e.reason(), e.getMessage(), null);
    }
    CardEntity card = tx.read(em -> em.find(CardEntity.class, code.cardSerial()));
    if (card == null || !card.getPassNumber().equals(code.passNumber())) {
      return invalid("unknown-pass", "no such card was made", code);
    }
    if (card.getStatus() != CardStatus.LIVE) {
      return invalid(
          "card-void",
          card.getStatus() == CardStatus.VOID
              ? "the card was voided: " + card.getVoidReason()
              : "the card is not finished",
          code);
    }
    // One rule for first and replacement cards: a card is valid from its pickup at the desk.
    if (card.getCollectedAt() == null) {
      return invalid(
          "not-collected", "the card has not been handed over at the pickup desk yet", code);
    }
    return verifyPass(passes.get(CardAccess.SYSTEM, code.passNumber()), card, code, port);
  }

  /** The pass of a live, collected card: active, in its days, open to the gate's port. */
  private Verification verifyPass(Pass pass, CardEntity card, PassCode code, String port) {
    LocalDate today = time.today();
    String gate = PortCode.normaliseOptional(port);
    if (pass.status() != PassStatus.ACTIVE) {
      return invalid(
          "status",
          "the pass is "
              + pass.status()
              + (pass.statusReason() == null ? "" : ": " + pass.statusReason()),
          code);
    }
    if (today.isBefore(pass.validFrom())) {
      return invalid("not-yet-valid", "the pass is valid from " + pass.validFrom(), code);
    }
    if (today.isAfter(pass.validTo())) {
      return invalid("expired", "the pass expired on " + pass.validTo(), code);
    }
    if (gate != null && !pass.accessPorts().contains(gate)) {
      return invalid("port", "the pass does not give access to " + gate, code);
    }
    return new Verification(
        true,
        "ok",
        "valid",
        pass.number(),
        card.getSerial(),
        pass.subjectLabel(),
        pass.accessPorts(),
        pass.validFrom(),
        pass.validTo());
  }

  private static Verification invalid(String reason, String message, PassCode code) {
    return code == null
        ? new Verification(false, reason, message, null, null, null, null, null, null)
        : new Verification(
            false,
            reason,
            message,
            code.passNumber(),
            code.cardSerial(),
            null,
            code.accessPorts(),
            code.validFrom(),
            code.validTo());
  }
}
