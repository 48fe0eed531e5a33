package org.portpass.core;

/**
 * A value type refuses its input (a tax ID, an identity number, a plate number) with a reason the
 * interfaces can translate: {@code messageKey} names it in the message bundles ({@code
 * field.<key>}), {@code arguments} fill it in; the message is the English text. Still an {@link
 * IllegalArgumentException}, as value types throw; {@link FieldError#invalid} turns it into the
 * field's problem.
 */
public class InvalidValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String messageKey;
  private final transient Object[] arguments;

  public InvalidValueException(String message, String messageKey, Object... arguments) {
    super(message);
    this.messageKey = messageKey;
    this.arguments = arguments.clone();
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments == null ? new Object[0] : arguments.clone();
  }
}
