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

  /** A limit whose message is translated at the edge (see {@link PortPassException}). */
  public TooManyRequestsException(
      String message, Instant retryAfter, String messageKey, Object... arguments) {
    super("too-many-requests", message, messageKey, arguments);
    this.retryAfter = retryAfter;
  }

  /** When the caller may try again. */
  public Instant retryAfter() {
    return retryAfter;
  }
}
