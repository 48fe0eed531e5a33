package org.portpass.core;

/**
 * The request clashes with stored state: a duplicate natural key, a stale version, or a state that
 * forbids the change.
 */
public class ConflictException extends PortPassException {
  private static final long serialVersionUID = 1L;

  /** A duplicate of a unique value (see {@link #duplicate}). */
  public static final String DUPLICATE = "duplicate";

  /** An outdated copy was edited (see {@link #staleVersion}). */
  public static final String STALE_VERSION = "stale-version";

  /** The change would break a reference between records. */
  public static final String INTEGRITY = "integrity";

  private final String field;

  public ConflictException(String code, String field, String message) {
    super(code, message);
    this.field = field;
  }

  /** A conflict whose message is translated at the edge (see {@link PortPassException}). */
  public ConflictException(
      String code, String field, String message, String messageKey, Object... arguments) {
    super(code, message, messageKey, arguments);
    this.field = field;
  }

  /** A duplicate of a unique value, e.g. a tax ID that is already registered. */
  public static ConflictException duplicate(String field, String message) {
    return new ConflictException(DUPLICATE, field, message); // untranslated: English-only variant
  }

  /** A duplicate whose message is translated at the edge (see {@link PortPassException}). */
  public static ConflictException duplicate(
      String field, String message, String messageKey, Object... arguments) {
    return new ConflictException(DUPLICATE, field, message, messageKey, arguments);
  }

  /** The client edited an outdated copy (optimistic locking). */
  public static ConflictException staleVersion(String what, long expected, long actual) {
    return new ConflictException(
        STALE_VERSION,
        "version",
        what
            + " was changed by someone else (you sent version "
            + expected
            + ", it is now "
            + actual
            + "); reload and try again",
        "stale-version",
        what,
        String.valueOf(expected),
        String.valueOf(actual));
  }

  /** The field that clashed, or {@code null}. */
  public String field() {
    return field;
  }
}
