package org.portpass.registry.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.portpass.core.FieldError;
import org.portpass.core.ValidationException;

/** Collects every problem of one input so the client hears about all of them at once. */
final class Checks {
  static final int MAX_TEXT = 255;

  private final List<FieldError> errors = new ArrayList<>();

  /** Trims; a blank value is an error. */
  String required(String field, String value) {
    String text = optional(field, value);
    if (text == null) {
      errors.add(FieldError.required(field));
    }
    return text;
  }

  /** Trims; blank becomes null; refuses control characters and over-long text. */
  String optional(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.length() > MAX_TEXT) {
      errors.add(FieldError.maxLength(field, MAX_TEXT));
    } else if (text.chars().anyMatch(Character::isISOControl)) {
      errors.add(
          FieldError.of(field, "no-control-characters", "must not contain control characters"));
    }
    return text;
  }

  <T> T notNull(String field, T value) {
    if (value == null) {
      errors.add(FieldError.required(field));
    }
    return value;
  }

  /** Parses with a value type's factory, recording its message when it refuses. */
  <T> T parse(String field, String raw, Function<String, T> parser) {
    if (raw == null || raw.isBlank()) {
      errors.add(FieldError.required(field));
      return null;
    }
    try {
      return parser.apply(raw);
    } catch (IllegalArgumentException e) {
      errors.add(FieldError.invalid(field, e));
      return null;
    }
  }

  /** A problem whose message is translated at the edge (see {@link FieldError#of}). */
  void add(String field, String messageKey, String message, Object... arguments) {
    errors.add(FieldError.of(field, messageKey, message, arguments));
  }

  void add(FieldError error) {
    errors.add(error);
  }

  void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
