package org.portpass.core;

import java.util.List;

/**
 * One problem with one input field; {@code field} is a JSON-pointer-like path such as {@code
 * lines/3/validTo} naming the input's own fields.
 */
public record FieldError(String field, String message, String messageKey, List<Object> arguments) {
  public FieldError {
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
  }

  /** A problem with an English message only. */
  public FieldError(String field, String message) {
    this(field, message, null, List.of());
  }

  /**
   * A problem whose message is translated at the edge: {@code messageKey} names it in the message
   * bundles, {@code arguments} fill it in; {@code message} is the English text.
   */
  public static FieldError of(
      String field, String messageKey, String message, Object... arguments) {
    return new FieldError(field, message, messageKey, List.of(arguments));
  }
}
