package org.portpass.application.internal.service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.portpass.application.ApplicationLimits;
import org.portpass.application.ApplicationLimits.Limit;

/**
 * The limits in force: configuration {@value ApplicationLimits#PID} over the defaults of {@link
 * ApplicationConfig}. A value that is not a whole number is ignored (and said so in {@link
 * #limits}) rather than stopping the application service, so the raw properties are read here
 * instead of through the annotation's proxy.
 */
final class ApplicationSettings {
  /** The limits in the order they are shown, with their meanings. */
  private static final Map<String, String> MEANINGS =
      orderedMap(
          ApplicationLimits.MAX_LONG_TERM_DAYS, ApplicationConfig.MAX_LONG_TERM_DAYS,
          ApplicationLimits.MAX_TEMPORARY_DAYS, ApplicationConfig.MAX_TEMPORARY_DAYS,
          ApplicationLimits.SUBMISSIONS_PER_COMPANY_PER_DAY,
              ApplicationConfig.SUBMISSIONS_PER_COMPANY_PER_DAY,
          ApplicationLimits.TEMPORARY_PER_PERSON, ApplicationConfig.TEMPORARY_PER_PERSON,
          ApplicationLimits.COMPANY_VIOLATIONS, ApplicationConfig.COMPANY_VIOLATIONS,
          ApplicationLimits.COMPANY_VIOLATION_DAYS, ApplicationConfig.COMPANY_VIOLATION_DAYS,
          ApplicationLimits.COMPANY_SUSPENSION_DAYS, ApplicationConfig.COMPANY_SUSPENSION_DAYS);

  private final Map<String, Integer> values = new HashMap<>();
  private final List<Limit> limits = new ArrayList<>();

  /** The per-port values as configured: whole numbers or not, known ports or not. */
  private final Map<String, Object> perPort = new TreeMap<>();

  private ApplicationSettings(Map<String, Object> properties) {
    MEANINGS.forEach(
        (name, meaning) -> {
          int fallback = defaultOf(name);
          Object raw = properties.get(name);
          Integer configured = number(raw);
          int value = configured == null ? fallback : configured;
          values.put(name, value);
          String source =
              raw == null
                  ? "default"
                  : configured != null ? "configured" : ignored(raw) + ", default";
          limits.add(new Limit(name, null, value, source, meaning));
        });
    String suffix = "." + ApplicationLimits.TEMPORARY_PER_PERSON;
    properties.forEach(
        (key, raw) -> {
          if (key.endsWith(suffix) && key.length() > suffix.length()) {
            perPort.put(key.substring(0, key.length() - suffix.length()), raw);
          }
        });
  }

  static ApplicationSettings of(Map<String, Object> properties) {
    return new ApplicationSettings(properties);
  }

  int maxLongTermDays() {
    return values.get(ApplicationLimits.MAX_LONG_TERM_DAYS);
  }

  int maxTemporaryDays() {
    return values.get(ApplicationLimits.MAX_TEMPORARY_DAYS);
  }

  int submissionsPerCompanyPerDay() {
    return values.get(ApplicationLimits.SUBMISSIONS_PER_COMPANY_PER_DAY);
  }

  /** The company suspension rule: this many violations within the window suspend it. */
  int companyViolationsForSuspension() {
    return values.get(ApplicationLimits.COMPANY_VIOLATIONS);
  }

  int companyViolationWindowDays() {
    return values.get(ApplicationLimits.COMPANY_VIOLATION_DAYS);
  }

  int companySuspensionDays() {
    return values.get(ApplicationLimits.COMPANY_SUSPENSION_DAYS);
  }

  /** Temporary passes one person may be submitted for at {@code port} within 30 days. */
  int temporaryPerPerson(String port) {
    Integer configured = number(perPort.get(port));
    return configured == null ? values.get(ApplicationLimits.TEMPORARY_PER_PERSON) : configured;
  }

  /** The limits and where they come from; a value for a port not in {@code ports} has no effect. */
  ApplicationLimits limits(Set<String> ports) {
    List<Limit> all = new ArrayList<>(limits);
    String meaning = MEANINGS.get(ApplicationLimits.TEMPORARY_PER_PERSON);
    perPort.forEach(
        (port, raw) -> {
          Integer configured = number(raw);
          String source;
          if (!ports.contains(port)) {
            source = "configured, no effect: " + port + " is not a known port";
          } else if (configured == null) {
            source = ignored(raw) + ", all-ports value";
          } else {
            source = "configured for port";
          }
          all.add(
              new Limit(
                  ApplicationLimits.TEMPORARY_PER_PERSON,
                  port,
                  temporaryPerPerson(port),
                  source,
                  meaning));
        });
    return new ApplicationLimits(all);
  }

  /** The default written in {@link ApplicationConfig}. */
  private static int defaultOf(String name) {
    try {
      return (Integer) ApplicationConfig.class.getDeclaredMethod(name).getDefaultValue();
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("ApplicationConfig has no limit " + name, e);
    }
  }

  private static Map<String, String> orderedMap(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  private static String ignored(Object raw) {
    return "invalid '" + raw + "' ignored";
  }

  /** The whole number {@code value} stands for, or {@code null} if it is none. */
  private static Integer number(Object value) {
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
