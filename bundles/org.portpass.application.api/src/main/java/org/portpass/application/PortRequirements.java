package org.portpass.application;

import java.util.List;
import java.util.Map;

/**
 * What a port requires of a submission, known before submitting: the longest validity per pass type
 * (the application settings, tightened by the port's rules), the frequency limits in force and the
 * attachments its rule bundles require.
 */
public record PortRequirements(
    String port,
    Map<PassType, Integer> maxDays,
    List<FrequencyLimit> limits,
    List<RuleAttachment> attachments) {

  public PortRequirements {
    maxDays = Map.copyOf(maxDays);
    limits = List.copyOf(limits);
    attachments = List.copyOf(attachments);
  }

  /** Identifiers of the frequency limits (申請頻率管理). */
  public static final String SUBMISSIONS_PER_COMPANY_PER_DAY = "submissions-per-company-per-day";

  public static final String TEMPORARY_PASSES_PER_PERSON_PER_30_DAYS =
      "temporary-passes-per-person-per-30-days";

  /** A frequency limit: {@code max} of what {@code id} counts. */
  public record FrequencyLimit(String id, int max) {}

  /** An attachment requirement and the rule that enforces it. */
  public record RuleAttachment(String rule, AttachmentRequirement requirement) {}
}
