package org.portpass.core;

import java.util.Locale;
import java.util.Map;

/**
 * A text in the two languages PortPass speaks: Traditional Chinese (zh-TW) and English. Clients
 * pick one by {@code Accept-Language}; English is the default.
 */
public record LocalizedText(String zhTw, String en) {
  public static final Locale ZH_TW = Locale.forLanguageTag("zh-TW");

  public LocalizedText {
    en = en == null || en.isBlank() ? zhTw : en;
    zhTw = zhTw == null || zhTw.isBlank() ? en : zhTw;
  }

  /** The text in {@code locale}'s language: Chinese for any zh locale, English otherwise. */
  public String in(Locale locale) {
    return locale != null && "zh".equals(locale.getLanguage()) ? zhTw : en;
  }

  /** Both texts keyed by language tag ({@code zh-TW}, {@code en}), as clients receive them. */
  public Map<String, String> byLanguageTag() {
    return Map.of("zh-TW", zhTw, "en", en);
  }
}
