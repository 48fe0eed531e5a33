package org.portpass.application.shell.internal;

import java.io.IOException;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Reads configuration PID {@value #PID} the way the application service does.
 *
 * <p>KEEP IN SYNC with {@code ApplicationSettings} in {@code org.portpass.application.impl}
 * (package {@code org.portpass.application.internal.service}): the property names, the default
 * values ({@link #DEFAULTS}), how numbers are read (a value that is not a whole number falls back
 * to the default) and the per-port override key {@code <PORT>.temporaryPassesPerPersonPer30Days}.
 * The impl keeps these private, so the shell repeats them; a change there must be made here too.
 */
final class ApplicationConfig {
  static final String PID = "org.portpass.application";
  static final String MAX_LONG_TERM_DAYS = "maxLongTermDays";
  static final String MAX_TEMPORARY_DAYS = "maxTemporaryDays";
  static final String SUBMISSIONS_PER_COMPANY_PER_DAY = "submissionsPerCompanyPerDay";
  static final String TEMPORARY_PER_PERSON = "temporaryPassesPerPersonPer30Days";

  /** The limits and their defaults, in the order they are shown. Same as ApplicationSettings. */
  static final Map<String, Integer> DEFAULTS;

  static {
    Map<String, Integer> defaults = new LinkedHashMap<>();
    defaults.put(MAX_LONG_TERM_DAYS, 366);
    defaults.put(MAX_TEMPORARY_DAYS, 90);
    defaults.put(SUBMISSIONS_PER_COMPANY_PER_DAY, 50);
    defaults.put(TEMPORARY_PER_PERSON, 4);
    DEFAULTS = Collections.unmodifiableMap(defaults);
  }

  private ApplicationConfig() {}

  /** The configured properties of {@value #PID}; empty when it is not configured. */
  static Map<String, Object> read(ConfigurationAdmin configAdmin) throws IOException {
    Configuration[] found;
    try {
      // listConfigurations, unlike getConfiguration, does not create an empty configuration
      found = configAdmin.listConfigurations("(service.pid=" + PID + ")");
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException(e);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    if (found != null && found.length > 0 && found[0].getProperties() != null) {
      Dictionary<String, Object> dictionary = found[0].getProperties();
      for (Enumeration<String> keys = dictionary.keys(); keys.hasMoreElements(); ) {
        String key = keys.nextElement();
        properties.put(key, dictionary.get(key));
      }
    }
    return properties;
  }

  /** The whole number {@code value} stands for, or {@code null} if it is none. */
  static Integer number(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
