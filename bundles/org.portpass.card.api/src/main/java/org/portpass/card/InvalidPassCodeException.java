package org.portpass.card;

/**
 * A scanned payload is not a valid pass code; {@link #reason()} is {@code format} or {@code
 * signature}.
 */
public class InvalidPassCodeException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public InvalidPassCodeException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
