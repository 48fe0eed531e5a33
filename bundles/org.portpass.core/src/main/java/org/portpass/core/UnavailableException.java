package org.portpass.core;

/**
 * What a request needs is out of service for a moment (a bundle being updated, the database out of
 * reach); the same request may be sent again after {@link #retryAfterSeconds()}. Nothing was
 * changed by it.
 */
public class UnavailableException extends PortPassException {
  private static final long serialVersionUID = 1L;

  private final int retryAfterSeconds;

  public UnavailableException(
      String message, int retryAfterSeconds, String messageKey, Object... arguments) {
    super("unavailable", message, messageKey, arguments);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Seconds the caller should wait before sending the request again. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
