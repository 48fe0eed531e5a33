package org.portpass.application;

import java.util.Objects;

/**
 * What a review rule found about a line.
 *
 * @param ruleId the {@link ReviewRule#id()} of the rule that found it
 * @param port the port whose rule found it, or {@code null} for a core rule
 * @param field the line's field concerned, e.g. {@code validTo} or {@code attachmentIds} (the input
 *     field names of a line), or {@code null}; the core prefixes the line's path ({@code lines/3/})
 * @param message a sentence the company or the reviewer can act on
 */
public record Finding(String ruleId, String port, Severity severity, String field, String message) {

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  public static Finding blocking(String ruleId, String port, String field, String message) {
    return new Finding(ruleId, port, Severity.BLOCKING, field, message);
  }

  public static Finding warning(String ruleId, String port, String field, String message) {
    return new Finding(ruleId, port, Severity.WARNING, field, message);
  }

  public boolean isBlocking() {
    return severity == Severity.BLOCKING;
  }
}
