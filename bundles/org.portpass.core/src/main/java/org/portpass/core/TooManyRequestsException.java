package org.portpass.core;

import java.time.Instant;

/** A limit was reached (failed logins, submission frequency); says when it frees up. */
public class TooManyRequestsException extends PortPassException {
  private static final long serialVersionUID = 1L;

  private final Instant retryAfter;

  public TooManyRequestsException(String message, Instant retryAfter) {
    super("too-many-requests", message);
    this.retryAfter = retryAfter;
  }

  /** When the caller may try again. */
  public Instant retryAfter() {
    return retryAfter;
  }
}
