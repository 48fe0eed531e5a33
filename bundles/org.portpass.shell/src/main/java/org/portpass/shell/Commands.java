package org.portpass.shell;

import java.util.Locale;
import java.util.function.Supplier;
import org.portpass.core.PortPassException;
import org.portpass.core.ValidationException;

/** Prints domain errors as one readable line instead of a stack trace. */
public final class Commands {
  private Commands() {}

  public static <T> T run(Supplier<T> work) {
    try {
      return work.get();
    } catch (ValidationException e) {
      e.errors().forEach(f -> System.err.println("Error: " + f.field() + ": " + f.message()));
      return null;
    } catch (PortPassException e) {
      System.err.println("Error: " + e.getMessage());
      return null;
    }
  }

  /**
   * The constant of {@code type} named by {@code value}, ignoring case; {@code null} for a blank
   * value. An unknown name is reported as a {@link ValidationException} on {@code field} naming the
   * possible values, so that {@link #run} prints it as one line.
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder names = new StringBuilder();
      for (E constant : type.getEnumConstants()) {
        names.append(names.length() == 0 ? "" : ", ").append(constant.name());
      }
      // untranslated: shell commands speak English
      throw new ValidationException(field, "must be one of " + names + ", not " + value.strip());
    }
  }

  /** Shows {@code null} as a dash, as the tables do for missing values. */
  public static Object orDash(Object value) {
    return value == null ? "-" : value;
  }
}
