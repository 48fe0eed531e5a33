package org.portpass.core;

/** The input is larger than a configured limit. */
public class TooLargeException extends PortPassException {
  private static final long serialVersionUID = 1L;

  public TooLargeException(String message) {
    super("too-large", message);
  }

  /** An error whose message is translated at the edge (see {@link PortPassException}). */
  public TooLargeException(String message, String messageKey, Object... arguments) {
    super("too-large", message, messageKey, arguments);
  }
}
