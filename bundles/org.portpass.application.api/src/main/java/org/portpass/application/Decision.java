package org.portpass.application;

/**
 * A step in a line's history: a reviewer's decision at one port and stage ({@link #APPROVE}, {@link
 * #REJECT}), or the company's own step on the line ({@link #SUBMIT}, {@link #RESUBMIT}, {@link
 * #CANCEL}), which has no port or stage. Only reviewer decisions can be given to {@link
 * ReviewService#decide}.
 */
public enum Decision {
  APPROVE,
  /** Returns the line to the company; needs a reason (審核未過原因). */
  REJECT,
  /** The company sent the line (送審). */
  SUBMIT,
  /** The company fixed and sent the returned line again (重送). */
  RESUBMIT,
  /** The company cancelled the line (自行取消). */
  CANCEL;

  /** True for the decisions a reviewer gives. */
  public boolean isReview() {
    return this == APPROVE || this == REJECT;
  }
}
