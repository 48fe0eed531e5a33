package org.portpass.application.internal.service;

import java.util.Map;

/**
 * The settings of configuration PID {@code org.portpass.application}: validity limits per pass type
 * and frequency limits (申請頻率管理). A frequency limit can be set per port with the port code as
 * prefix, e.g. {@code KEL.temporaryPassesPerPersonPer30Days = 2}.
 */
record ApplicationSettings(
    int maxLongTermDays,
    int maxTemporaryDays,
    int submissionsPerCompanyPerDay,
    Map<String, Object> raw) {
  static final String PID = "org.portpass.application";
  static final String TEMPORARY_PER_PERSON = "temporaryPassesPerPersonPer30Days";

  static ApplicationSettings of(Map<String, Object> properties) {
    return new ApplicationSettings(
        number(properties, "maxLongTermDays", 366),
        number(properties, "maxTemporaryDays", 90),
        number(properties, "submissionsPerCompanyPerDay", 50),
        Map.copyOf(properties));
  }

  /** Temporary passes one person may be submitted for at {@code port} within 30 days. */
  int temporaryPerPerson(String port) {
    return number(raw, port + "." + TEMPORARY_PER_PERSON, number(raw, TEMPORARY_PER_PERSON, 4));
  }

  private static int number(Map<String, Object> properties, String key, int fallback) {
    Object value = properties.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.toString().strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
