package org.portpass.auth;

/**
 * The {@code code} of every {@link org.portpass.core.ConflictException} (409) the account services
 * raise, besides core's {@code duplicate} and {@code stale-version}.
 */
public final class AuthConflicts {
  /** A registration for a company that has accounts already: its administrator adds more. */
  public static final String COMPANY_HAS_ACCOUNTS = "company-has-accounts";

  private AuthConflicts() {}
}
