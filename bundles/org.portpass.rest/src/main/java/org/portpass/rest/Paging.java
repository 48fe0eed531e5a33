package org.portpass.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.portpass.core.PageRequest;
import org.portpass.core.ValidationException;

/**
 * Reads query parameters ({@code page}, {@code size} and optional criteria), answering 400 (not
 * 404) for bad ones.
 */
public final class Paging {
  private Paging() {}

  public static PageRequest of(String page, String size) {
    return new PageRequest(number("page", page, 0), number("size", size, PageRequest.DEFAULT_SIZE));
  }

  /** An optional numeric query parameter. */
  public static Long optionalId(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw ValidationException.of(name, "number", "must be a number");
    }
  }

  /** An optional enum query parameter, case-insensitive. */
  public static <E extends Enum<E>> E optionalEnum(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      List<E> values = List.of(type.getEnumConstants());
      throw ValidationException.of(name, "one-of", "must be one of " + values, values);
    }
  }

  /** An optional date query parameter, e.g. {@code 2027-12-31}. */
  public static LocalDate optionalDate(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ValidationException.of(name, "date", "must be a date like 2027-12-31");
    }
  }

  /** An optional whole-number query parameter; {@code fallback} when it is missing or blank. */
  public static int number(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw ValidationException.of(name, "whole-number", "must be a whole number");
    }
  }
}
