package org.portpass.application;

import org.portpass.core.ConflictException;

/**
 * A review-flow step that the line's current state does not allow, e.g. approving a returned line
 * or approving twice. The message names the line's state and what is possible instead.
 */
public class IllegalTransitionException extends ConflictException {
  private static final long serialVersionUID = 1L;

  private final LineStatus status;

  public IllegalTransitionException(LineStatus status, String message) {
    super(ApplicationConflicts.ILLEGAL_TRANSITION, null, message);
    this.status = status;
  }

  /** A refused step whose message is translated at the edge (see {@code PortPassException}). */
  public IllegalTransitionException(
      LineStatus status, String message, String messageKey, Object... arguments) {
    super(ApplicationConflicts.ILLEGAL_TRANSITION, null, message, messageKey, arguments);
    this.status = status;
  }

  /** The line's state when the step was refused. */
  public LineStatus status() {
    return status;
  }
}
