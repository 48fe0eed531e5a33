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
  /** Withdrawn for good. */
  REVOKED,
  /** Past its valid-to date. */
  EXPIRED;

  /** True when no change of status is possible any more. */
  public boolean isFinal() {
    return this == REVOKED || this == EXPIRED;
  }
}
