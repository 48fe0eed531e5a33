package org.portpass.application;

import java.util.List;

/**
 * The validity and frequency limits in force, read from configuration PID {@value #PID}: each limit
 * for all ports, then the per-port values of the frequency limit that can be set per port (e.g.
 * {@code KEL.temporaryPassesPerPersonPer30Days = 2}).
 */
public record ApplicationLimits(List<Limit> limits) {
  public static final String PID = "org.portpass.application";
  public static final String MAX_LONG_TERM_DAYS = "maxLongTermDays";
  public static final String MAX_TEMPORARY_DAYS = "maxTemporaryDays";
  public static final String SUBMISSIONS_PER_COMPANY_PER_DAY = "submissionsPerCompanyPerDay";
  public static final String TEMPORARY_PER_PERSON = "temporaryPassesPerPersonPer30Days";
  public static final String COMPANY_VIOLATIONS = "companyViolationsForSuspension";
  public static final String COMPANY_VIOLATION_DAYS = "companyViolationWindowDays";
  public static final String COMPANY_SUSPENSION_DAYS = "companySuspensionDays";

  public ApplicationLimits {
    limits = List.copyOf(limits);
  }

  /**
   * One limit in force.
   *
   * @param port the port it is set for, or {@code null} for all ports
   * @param source where the value comes from: {@code default}, {@code configured}, or why a
   *     configured value was ignored
   * @param meaning what the limit limits
   */
  public record Limit(String name, String port, int value, String source, String meaning) {}
}
