package org.portpass.rest;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts PortPass answers in, from the message bundle {@code org/portpass/rest/messages} ({@code
 * messages.properties} in English, {@code messages_zh_TW.properties} in Traditional Chinese;
 * UTF-8). The one place where user-facing texts of the REST API are translated.
 */
public final class Messages {
  private static final String BUNDLE = "org.portpass.rest.messages";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Messages() {}

  /** The text of {@code key} in {@code locale} with its arguments, or null when there is none. */
  public static String text(Locale locale, String key, Object... arguments) {
    try {
      String pattern = bundle(locale).getString(key);
      return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    } catch (MissingResourceException e) {
      return null;
    }
  }

  private static ResourceBundle bundle(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE,
        locale == null ? Locale.ENGLISH : locale,
        Messages.class.getClassLoader(),
        NO_FALLBACK);
  }
}
