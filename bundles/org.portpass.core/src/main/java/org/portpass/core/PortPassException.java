package org.portpass.core;

/**
 * A domain error with a stable machine-readable {@link #code()}; every interface turns it into a
 * clear answer (problem+json over REST, a message in the shell) instead of a stack trace.
 */
public abstract class PortPassException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  protected PortPassException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** Stable kebab-case identifier of the kind of problem, e.g. {@code not-found}. */
  public String code() {
    return code;
  }
}
