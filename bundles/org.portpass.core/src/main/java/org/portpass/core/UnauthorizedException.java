package org.portpass.core;

/** The request carries no valid proof of identity (401). */
public class UnauthorizedException extends PortPassException {
  private static final long serialVersionUID = 1L;

  public UnauthorizedException(String message) {
    super("unauthorized", message);
  }

  /** An error whose message is translated at the edge (see {@link PortPassException}). */
  public UnauthorizedException(String message, String messageKey, Object... arguments) {
    super("unauthorized", message, messageKey, arguments);
  }
}
