package org.portpass.core;

/** The caller is known but may not do this. */
public class ForbiddenException extends PortPassException {
  private static final long serialVersionUID = 1L;

  public ForbiddenException(String message) {
    super("forbidden", message);
  }

  /** A refusal whose message is translated at the edge (see {@link PortPassException}). */
  public ForbiddenException(String message, String messageKey, Object... arguments) {
    super("forbidden", message, messageKey, arguments);
  }

  /**
   * The caller lacks {@code role} at {@code port} (key {@code needs-role-at}); {@code message} is
   * the English text, which names what was refused.
   */
  public static ForbiddenException needsRoleAt(String message, Object role, String port) {
    return new ForbiddenException(message, "needs-role-at", role, port);
  }
}
