package org.portpass.core;

import java.util.Collection;
import java.util.List;

/**
 * One problem with one input field; {@code field} is a JSON-pointer-like path such as {@code
 * lines/3/validTo} naming the input's own fields.
 */
public record FieldError(String field, String message, String messageKey, List<Object> arguments) {
  public FieldError {
    arguments = arguments == null ? List.of() : List.copyOf(arguments);
  }

  /**
   * A problem with an English message only: for texts that come from elsewhere (a parser, a rule
   * plug-in) and are shown as they are. PortPass's own messages use {@link #of} or the factories
   * below, so that they are translated.
   */
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

  /**
   * The value type refused the value: its own translatable reason ({@link InvalidValueException}),
   * else its English reason as it is, else {@code is not valid} (key {@code not-valid}).
   */
  public static FieldError invalid(String field, IllegalArgumentException refusal) {
    if (refusal instanceof InvalidValueException e && e.messageKey() != null) {
      return FieldError.of(field, e.messageKey(), e.getMessage(), e.arguments());
    }
    if (refusal.getMessage() == null) {
      return FieldError.of(field, "not-valid", "is not valid");
    }
    return new FieldError(field, refusal.getMessage()); // untranslated: a foreign reason
  }

  /** The value is missing: {@code is required} (key {@code required}). */
  public static FieldError required(String field) {
    return FieldError.of(field, "required", "is required");
  }

  /** The text is too long: {@code must be at most 255 characters} (key {@code max-length}). */
  public static FieldError maxLength(String field, int max) {
    return FieldError.of(field, "max-length", "must be at most " + max + " characters", max);
  }

  /** The value is none of {@code values}: {@code must be one of [A, B]} (key {@code one-of}). */
  public static FieldError oneOf(String field, Collection<?> values) {
    return FieldError.of(field, "one-of", "must be one of " + values, List.copyOf(values));
  }
}
