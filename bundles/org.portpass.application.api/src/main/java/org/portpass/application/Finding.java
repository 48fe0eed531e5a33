package org.portpass.application;

import java.util.Locale;
import java.util.Objects;
import org.portpass.core.LocalizedText;

/**
 * What a review rule found about a line.
 *
 * @param ruleId the {@link ReviewRule#id()} of the rule that found it
 * @param port the port whose rule found it, or {@code null} for a core rule
 * @param field the line's field concerned, e.g. {@code validTo} or {@code attachmentIds} (the input
 *     field names of a line), or {@code null}; the core prefixes the line's path ({@code lines/3/})
 * @param message a sentence the company or the reviewer can act on, in English
 * @param messageZhTw the same sentence in Traditional Chinese, or {@code null} when the rule gives
 *     only English (then English is shown in both languages)
 */
public record Finding(
    String ruleId,
    String port,
    Severity severity,
    String field,
    String message,
    String messageZhTw) {

  public Finding {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
  }

  /** A finding in English only, as rule bundles written for version 1.2 give. */
  public Finding(String ruleId, String port, Severity severity, String field, String message) {
    this(ruleId, port, severity, field, message, null);
  }

  public static Finding blocking(String ruleId, String port, String field, String message) {
    return new Finding(ruleId, port, Severity.BLOCKING, field, message);
  }

  public static Finding blocking(String ruleId, String port, String field, LocalizedText message) {
    return new Finding(ruleId, port, Severity.BLOCKING, field, message.en(), message.zhTw());
  }

  public static Finding warning(String ruleId, String port, String field, String message) {
    return new Finding(ruleId, port, Severity.WARNING, field, message);
  }

  public static Finding warning(String ruleId, String port, String field, LocalizedText message) {
    return new Finding(ruleId, port, Severity.WARNING, field, message.en(), message.zhTw());
  }

  public boolean isBlocking() {
    return severity == Severity.BLOCKING;
  }

  /** The sentence in {@code locale}'s language (Chinese for any zh locale, English otherwise). */
  public String messageIn(Locale locale) {
    return new LocalizedText(messageZhTw, message).in(locale);
  }

  /** This finding with {@link #message()} in {@code locale}'s language, as a client shows it. */
  public Finding in(Locale locale) {
    return new Finding(ruleId, port, severity, field, messageIn(locale), messageZhTw);
  }
}
