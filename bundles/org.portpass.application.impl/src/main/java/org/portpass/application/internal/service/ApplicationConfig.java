package org.portpass.application.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.portpass.application.ApplicationLimits;

/**
 * Configuration PID {@value ApplicationLimits#PID}: the validity and frequency limits (申請頻率管理).
 * This is where their defaults and meanings are written; {@link ApplicationSettings} reads them.
 * The frequency limit per person can also be set per port with the port code as prefix, e.g. {@code
 * KEL.temporaryPassesPerPersonPer30Days = 2}.
 */
@ObjectClassDefinition(name = "PortPass application limits")
@interface ApplicationConfig {
  // the descriptions as constants too: metatype annotations are not kept at run time
  String MAX_LONG_TERM_DAYS = "Longest validity of a long-term pass, days";
  String MAX_TEMPORARY_DAYS = "Longest validity of a temporary pass, days";
  String SUBMISSIONS_PER_COMPANY_PER_DAY = "Forms a company may submit per day";
  String TEMPORARY_PER_PERSON = "Temporary passes per person and port within 30 days";
  String COMPANY_VIOLATIONS =
      "Violations by a company's staff within the window that suspend its applications (0: never)";
  String COMPANY_VIOLATION_DAYS = "The window for counting a company's violations, days";
  String COMPANY_SUSPENSION_DAYS = "How long a company's applications are suspended, days";

  @AttributeDefinition(description = MAX_LONG_TERM_DAYS)
  int maxLongTermDays() default 366;

  @AttributeDefinition(description = MAX_TEMPORARY_DAYS)
  int maxTemporaryDays() default 90;

  @AttributeDefinition(description = SUBMISSIONS_PER_COMPANY_PER_DAY)
  int submissionsPerCompanyPerDay() default 50;

  @AttributeDefinition(description = TEMPORARY_PER_PERSON)
  int temporaryPassesPerPersonPer30Days() default 4;

  @AttributeDefinition(description = COMPANY_VIOLATIONS)
  int companyViolationsForSuspension() default 3;

  @AttributeDefinition(description = COMPANY_VIOLATION_DAYS)
  int companyViolationWindowDays() default 90;

  @AttributeDefinition(description = COMPANY_SUSPENSION_DAYS)
  int companySuspensionDays() default 30;
}
