package org.portpass.core;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The input is invalid; carries every problem found, each with its field, so a form can show them
 * all at once.
 */
public class ValidationException extends PortPassException {
  private static final long serialVersionUID = 1L;

  private final List<FieldError> errors;

  public ValidationException(List<FieldError> errors) {
    super(
        "validation",
        errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  /**
   * One problem with an English message only (see {@link FieldError#FieldError(String, String)}).
   */
  public ValidationException(String field, String message) {
    this(List.of(new FieldError(field, message))); // untranslated: the English-only variant
  }

  /** One problem whose message is translated at the edge (see {@link FieldError#of}). */
  public static ValidationException of(
      String field, String messageKey, String message, Object... arguments) {
    return new ValidationException(List.of(FieldError.of(field, messageKey, message, arguments)));
  }

  /** The value is missing (see {@link FieldError#required}). */
  public static ValidationException required(String field) {
    return new ValidationException(List.of(FieldError.required(field)));
  }

  /** The text is too long (see {@link FieldError#maxLength}). */
  public static ValidationException maxLength(String field, int max) {
    return new ValidationException(List.of(FieldError.maxLength(field, max)));
  }

  /** The value is none of {@code values} (see {@link FieldError#oneOf}). */
  public static ValidationException oneOf(String field, Collection<?> values) {
    return new ValidationException(List.of(FieldError.oneOf(field, values)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
