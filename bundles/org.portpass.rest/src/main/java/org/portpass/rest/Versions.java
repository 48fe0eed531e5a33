package org.portpass.rest;

import org.portpass.core.ValidationException;

/**
 * Optimistic locking over HTTP: the version a client read comes back either as {@code If-Match}
 * (the ETag of the GET) or as the {@code version} field of the body.
 */
public final class Versions {
  private Versions() {}

  /** The version from {@code If-Match} if present, else {@code fallback}; 400 when neither. */
  public static long required(String ifMatch, Long fallback) {
    if (ifMatch != null && !ifMatch.isBlank()) {
      String value = ifMatch.strip();
      if (value.startsWith("W/")) {
        value = value.substring(2);
      }
      value = value.replace("\"", "");
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw ValidationException.of(
            "If-Match", "if-match", "must be the ETag of the record, e.g. \"3\"");
      }
    }
    if (fallback == null) {
      throw ValidationException.of(
          "version",
          "version-required",
          "send the version you read, as If-Match or as the version field");
    }
    return fallback;
  }
}
