package org.portpass.card;

import java.util.Optional;

/** Where a card job stands; see {@link CardJobFlow} for the transitions. */
public enum CardJobStatus {
  /** Waiting for a card to be printed (a first card, or a new one after a void). */
  QUEUED,
  /** Printed; the QR code is to be verified. */
  PRINTED,
  /** Verified; the chip is to be encoded. */
  VERIFIED,
  /** A step failed; an operator retries it or voids the card. */
  FAILED,
  /** The card is made and waits for pickup. */
  DONE,
  /** The pass was revoked before its card was made. */
  CANCELLED;

  /** The step a desk runs next for a job in this state (FAILED jobs wait for the operator). */
  public Optional<CardStep> nextStep() {
    return switch (this) {
      case QUEUED -> Optional.of(CardStep.PRINT);
      case PRINTED -> Optional.of(CardStep.VERIFY);
      case VERIFIED -> Optional.of(CardStep.ENCODE);
      default -> Optional.empty();
    };
  }

  public boolean isFinal() {
    return this == DONE || this == CANCELLED;
  }
}
