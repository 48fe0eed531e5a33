package org.portpass.card;

/** Where a physical card stands. */
public enum CardStatus {
  /** Printed (or being printed) and not yet encoded; no gate accepts it. */
  ISSUING,
  /** Encoded: the card is made, and valid at the gates once it has been picked up. */
  LIVE,
  /** Voided (misprinted, misread, interrupted, lost): the card is to be destroyed. */
  VOID
}
