package org.portpass.core;

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

  public ValidationException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  /** One problem whose message is translated at the edge (see {@link FieldError#of}). */
  public static ValidationException of(
      String field, String messageKey, String message, Object... arguments) {
    return new ValidationException(List.of(FieldError.of(field, messageKey, message, arguments)));
  }

  public List<FieldError> errors() {
    return errors;
  }
}
