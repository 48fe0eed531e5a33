package org.portpass.card.gate;

/**
 * A downloaded revocation list or change set cannot be used: not in the format, not signed by the
 * server's key, or not a continuation of the list a gate holds. {@link #reason()} is {@code
 * format}, {@code signature} or {@code sequence}.
 */
public class InvalidRevocationListException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String reason;

  public InvalidRevocationListException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public String reason() {
    return reason;
  }
}
