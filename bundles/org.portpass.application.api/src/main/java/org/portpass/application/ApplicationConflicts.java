package org.portpass.application;

/**
 * The {@code code} of every {@link org.portpass.core.ConflictException} (409) the application
 * services raise, besides core's {@code stale-version}; clients may branch on them.
 */
public final class ApplicationConflicts {
  /** A submission with another idempotency key for a form that was already submitted. */
  public static final String ALREADY_SUBMITTED = "already-submitted";

  /** A cancellation of a draft, which is deleted instead. */
  public static final String DRAFT = "draft";

  /** No line of the form can still be cancelled. */
  public static final String NOTHING_TO_CANCEL = "nothing-to-cancel";

  /** A change of a draft that was submitted meanwhile. */
  public static final String NOT_A_DRAFT = "not-a-draft";

  /** A decision on a revision older than the line's: it was resubmitted meanwhile. */
  public static final String RESUBMITTED = "resubmitted";

  /** A decision on a revision the line never had. */
  public static final String UNKNOWN_REVISION = "unknown-revision";

  /** A line or pass step its current state does not allow (see {@link LineFlow}). */
  public static final String ILLEGAL_TRANSITION = "illegal-transition";

  /** A pass change its status does not allow (e.g. picking up a suspended pass). */
  public static final String PASS_STATUS = "pass-status";

  /**
   * A submission by a company whose right to apply is suspended (停權) for its staff's violations.
   */
  public static final String COMPANY_SUSPENDED = "company-suspended";

  /** A seized pass that is not the violation's subject's. */
  public static final String NOT_THE_SUBJECT = "not-the-subject";

  private ApplicationConflicts() {}
}
