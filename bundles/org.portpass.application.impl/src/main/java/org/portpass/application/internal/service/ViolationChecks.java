package org.portpass.application.internal.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.portpass.application.ViolationInput;
import org.portpass.application.ViolationType;
import org.portpass.core.FieldError;
import org.portpass.core.PortCode;
import org.portpass.core.PortDirectory;
import org.portpass.core.ValidationException;

/** Every problem of a violation or a violation type at once, before anything is stored. */
final class ViolationChecks {
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,31}");
  static final int MAX_BAN_MONTHS = 120;

  private ViolationChecks() {}

  /** The input with its codes normalised, or every problem it has. */
  static ViolationInput checked(ViolationInput in, PortDirectory ports, LocalDate today) {
    if (in == null) {
      throw ValidationException.required("type");
    }
    List<FieldError> errors = new ArrayList<>();
    String type = code("type", in.type(), errors);
    String port = port("port", in.port(), ports, errors);
    if (in.occurredOn() == null) {
      errors.add(FieldError.required("occurredOn"));
    } else if (in.occurredOn().isAfter(today) || in.occurredOn().isBefore(today.minusYears(1))) {
      errors.add(
          FieldError.of(
              "occurredOn",
              "occurred-within-year",
              "must be a day of the last year, not after today (" + today + ")",
              String.valueOf(today)));
    }
    String seized = blankToNull(in.seizedPass());
    if (seized != null) {
      seized = seized.toUpperCase(Locale.ROOT);
      if (seized.length() > 32) {
        errors.add(FieldError.maxLength("seizedPass", 32));
      }
    } else {
      if (in.subjectKind() == null) {
        errors.add(
            FieldError.of(
                "subjectKind",
                "subject-or-seized-pass",
                "give the subject (subjectKind and subjectId) or the seized pass"));
      }
      if (in.subjectId() == null || in.subjectId() <= 0) {
        errors.add(FieldError.of("subjectId", "at-least", "must be at least 1", 1));
      }
    }
    String note = blankToNull(in.note());
    if (note != null && note.length() > 1000) {
      errors.add(FieldError.maxLength("note", 1000));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new ViolationInput(
        in.subjectKind(), in.subjectId(), type, in.occurredOn(), port, seized, note);
  }

  /** The type with its codes normalised, or every problem it has. */
  static ViolationType checked(ViolationType t, PortDirectory ports) {
    if (t == null) {
      throw ValidationException.required("code");
    }
    List<FieldError> errors = new ArrayList<>();
    String code = code("code", t.code(), errors);
    String port =
        ViolationType.ALL_PORTS.equals(blankToNull(t.port()))
            ? ViolationType.ALL_PORTS
            : port("port", t.port(), ports, errors);
    String en = name("nameEn", t.nameEn(), errors);
    String zh = name("nameZhTw", t.nameZhTw(), errors);
    if (t.banMonths() < 0 || t.banMonths() > MAX_BAN_MONTHS) {
      errors.add(
          FieldError.of(
              "banMonths",
              "between",
              "must be between 0 and " + MAX_BAN_MONTHS,
              0,
              MAX_BAN_MONTHS));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return new ViolationType(code, port, en, zh, t.banMonths(), t.singleVisitAllowed());
  }

  private static String code(String field, String value, List<FieldError> errors) {
    String text = blankToNull(value);
    if (text == null) {
      errors.add(FieldError.required(field));
      return null;
    }
    String code = text.toUpperCase(Locale.ROOT);
    if (!CODE.matcher(code).matches()) {
      errors.add(
          FieldError.of(
              field,
              "violation-code",
              "must be 2 to 32 letters, digits or _, starting with a letter"));
    }
    return code;
  }

  private static String port(
      String field, String value, PortDirectory ports, List<FieldError> errors) {
    String text = blankToNull(value);
    if (text == null) {
      errors.add(FieldError.required(field));
      return null;
    }
    String code = PortCode.normalise(text);
    if (!ports.codes().contains(code)) {
      errors.add(FieldError.oneOf(field, ports.codes()));
    }
    return code;
  }

  private static String name(String field, String value, List<FieldError> errors) {
    String text = blankToNull(value);
    if (text == null) {
      errors.add(FieldError.required(field));
    } else if (text.length() > 200) {
      errors.add(FieldError.maxLength(field, 200));
    }
    return text;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
