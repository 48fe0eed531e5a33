package org.portpass.core;

/**
 * A domain error with a stable machine-readable {@link #code()}; every interface turns it into a
 * clear answer (problem+json over REST, a message in the shell) instead of a stack trace.
 */
public abstract class PortPassException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final String messageKey;
  private final transient Object[] arguments;

  protected PortPassException(String code, String message) {
    this(code, message, null);
  }

  /**
   * A domain error whose message the interfaces can translate: {@code messageKey} names the text in
   * the message bundles (e.g. {@code not-found}), {@code arguments} fill it in; {@code message} is
   * the English text, used where no translation exists.
   */
  protected PortPassException(String code, String message, String messageKey, Object... arguments) {
    super(message);
    this.code = code;
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
  }

  /** Stable kebab-case identifier of the kind of problem, e.g. {@code not-found}. */
  public String code() {
    return code;
  }

  /** The key of this error's text in the message bundles, or {@code null} when it has none. */
  public String messageKey() {
    return messageKey;
  }

  /** The values the text of {@link #messageKey()} is filled in with. */
  public Object[] arguments() {
    return arguments == null ? new Object[0] : arguments.clone();
  }
}
