package org.portpass.rest;

import java.util.List;
import java.util.Locale;
import javax.servlet.http.HttpServletRequest;
import org.portpass.core.LocalizedText;

/**
 * The language of an answer: zh-TW when {@code Accept-Language} prefers Chinese, English otherwise
 * (also for a missing or malformed header).
 */
public final class Languages {
  private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, LocalizedText.ZH_TW);

  private Languages() {}

  public static Locale of(HttpServletRequest request) {
    return of(request == null ? null : request.getHeader("Accept-Language"));
  }

  /** The supported locale the header asks for first; English when it asks for neither. */
  public static Locale of(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Locale.ENGLISH;
    }
    try {
      for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
        if (range.getWeight() <= 0) {
          continue;
        }
        String language = range.getRange().split("-", 2)[0];
        for (Locale supported : SUPPORTED) {
          if (supported.getLanguage().equalsIgnoreCase(language)) {
            return supported;
          }
        }
      }
    } catch (IllegalArgumentException malformed) {
      // a malformed header is no reason to refuse the request
    }
    return Locale.ENGLISH;
  }
}
