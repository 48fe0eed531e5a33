package org.portpass.core;

/** Free text the services take: required values with a length limit, and cutting to a column. */
public final class Texts {
  private Texts() {}

  /**
   * The stripped value.
   *
   * @throws ValidationException on {@code field} with {@code message} when the value is missing,
   *     blank or longer than {@code max} characters
   */
  public static String required(String field, String value, int max, String message) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty() || text.length() > max) {
      // untranslated: the English-only variant itself
      throw new ValidationException(field, message);
    }
    return text;
  }

  /**
   * The stripped value.
   *
   * @throws ValidationException on {@code field} with {@code message} (translated by {@code
   *     messageKey} and {@code arguments}, see {@link FieldError#of}) when the value is missing,
   *     blank or longer than {@code max} characters
   */
  public static String required(
      String field, String value, int max, String messageKey, String message, Object... arguments) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty() || text.length() > max) {
      throw ValidationException.of(field, messageKey, message, arguments);
    }
    return text;
  }

  /** The text cut to at most {@code max} characters, to fit its column; null stays null. */
  public static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
