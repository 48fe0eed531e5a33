package org.portpass.core;

import java.util.Locale;

/**
 * The one way a port code is written: trimmed and in capitals, so that {@code " kel"} and {@code
 * "KEL"} name the same port whatever the server's default locale (a Turkish locale would turn
 * {@code "i"} into a dotted capital with a plain {@code toUpperCase()}).
 */
public final class PortCode {
  private PortCode() {}

  /** The code as stored, e.g. {@code KEL}; empty for {@code null}, so it matches no port. */
  public static String normalise(String code) {
    return code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
  }

  /** The code as stored, or {@code null} for a missing or blank one (an optional port filter). */
  public static String normaliseOptional(String code) {
    return code == null || code.isBlank() ? null : normalise(code);
  }
}
