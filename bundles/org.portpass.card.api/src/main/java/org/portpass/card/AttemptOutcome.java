package org.portpass.card;

/** How one attempt at a step ended; an attempt that is still running has none. */
public enum AttemptOutcome {
  /** The desk reported success and the server's checks agreed. */
  OK,
  /** The desk reported a fault, or the server found the reported success wrong. */
  FAILED,
  /** Never reported: the desk stopped, the card was voided or the pass revoked meanwhile. */
  INTERRUPTED
}
