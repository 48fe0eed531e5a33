package org.portpass.application;

/**
 * A pass's status (DESIGN.md: active, suspended, revoked, expired), plus the time before pickup.
 */
public enum PassStatus {
  /** Issued; its card is being made or waits for pickup. */
  PENDING_CARD,
  /** Handed over to its holder; valid at the gates within its dates. */
  ACTIVE,
  /** Temporarily not valid (e.g. under investigation); may be reinstated. */
  SUSPENDED,
  /**
   * Withdrawn for good (註銷): by its company (the person left, the vehicle was sold) or by the port
   * authority.
   */
  REVOKED,
  /** Seized (查扣) by the police, with a recorded {@link Violation}; withdrawn for good. */
  SEIZED,
  /** Past its valid-to date. */
  EXPIRED;

  /** True when the pass was withdrawn before its end (revoked or seized). */
  public boolean isWithdrawn() {
    return this == REVOKED || this == SEIZED;
  }

  /** True when no change of status is possible any more. */
  public boolean isFinal() {
    return this == REVOKED || this == SEIZED || this == EXPIRED;
  }
}
