package org.portpass.core;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * The one form a date may take on the way in: a plain ISO date {@code yyyy-MM-dd} between {@link
 * #MIN} and {@link #MAX}. No time part, no sign, no five-digit year, no lenient day-of-month, so a
 * date never means something other than what it says and always fits the database.
 */
public final class Dates {
  public static final LocalDate MIN = LocalDate.of(1900, 1, 1);
  public static final LocalDate MAX = LocalDate.of(2199, 12, 31);

  /** What every refused date is told. */
  public static final String MESSAGE = "must be a date like 2027-12-31, between 1900 and 2199";

  private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final DateTimeFormatter STRICT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  private Dates() {}

  /** The date, or null for a missing or blank value. */
  public static LocalDate parse(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    LocalDate date = parseOrNull(value);
    if (date == null) {
      throw ValidationException.of(field, "date-range", MESSAGE);
    }
    return date;
  }

  /** The date when the text is exactly such a date within the range, else null. */
  public static LocalDate parseOrNull(String text) {
    if (text == null || !SHAPE.matcher(text).matches()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(text, STRICT);
      return inRange(date) ? date : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  public static boolean inRange(LocalDate date) {
    return !date.isBefore(MIN) && !date.isAfter(MAX);
  }
}
