package org.portpass.card;

/**
 * The {@code code} of every {@link org.portpass.core.ConflictException} (409) card production
 * raises, besides core's {@code stale-version}; desks and clients may branch on them.
 */
public final class CardConflicts {
  /** A job step or action its status does not allow (see {@link CardJobFlow}). */
  public static final String JOB_STATUS = "job-status";

  /** A report for another step than the one the job is at. */
  public static final String JOB_STEP = "job-step";

  /** A step that needs the job's card when it has none (yet, or any more). */
  public static final String NO_CARD = "no-card";

  /** A card job for a pass whose status allows no card (e.g. revoked). */
  public static final String PASS_STATUS = "pass-status";

  /** A second open job for a pass: one card at a time is made for a pass. */
  public static final String JOB_OPEN = "job-open";

  /** A step of a card that is in another desk's tray (the desk that printed it goes on). */
  public static final String CARD_AT_OTHER_DESK = "card-at-other-desk";

  /** A step of a job another desk is working on right now. */
  public static final String JOB_BUSY = "job-busy";

  /** A report for an attempt that was closed already (reported, or recovered as interrupted). */
  public static final String ATTEMPT_CLOSED = "attempt-closed";

  /** A desk step whose device (printer, scanner or encoder) is not registered at the desk. */
  public static final String DEVICE_MISSING = "device-missing";

  private CardConflicts() {}
}
