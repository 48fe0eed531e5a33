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

  public List<FieldError> errors() {
    return errors;
  }
}
