package org.portpass.rules.khh.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.portpass.application.Finding;
import org.portpass.application.PassType;
import org.portpass.application.ReviewRule;
import org.portpass.application.RuleContext;
import org.portpass.core.LocalizedText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kaohsiung keeps temporary passes short: a temporary line, person or vehicle, may be valid for at
 * most {@link KhhRules.Config#maxTemporaryDays()} days, counting its first and last day. A longer
 * one is blocked with the limit and the latest end date allowed. Long-term passes are not
 * concerned.
 */
@Component(configurationPid = KhhRules.PID, property = ReviewRule.PORT + "=" + KhhRules.PORT)
@Designate(ocd = KhhRules.Config.class)
public final class TemporaryPassLengthRule implements ReviewRule {
  static final String ID = "khh.temporary-length";
  static final String FIELD = "validTo";

  private static final Logger LOG = LoggerFactory.getLogger(TemporaryPassLengthRule.class);

  /** Replaced when the configuration changes; the service stays registered meanwhile. */
  private volatile int maxDays;

  @Activate
  public TemporaryPassLengthRule(KhhRules.Config config) {
    modified(config);
  }

  /**
   * Takes the new limit. A limit below one day cannot be meant: it is logged and the default is
   * kept, so the rule goes on checking rather than stopping every temporary pass or none.
   */
  @Modified
  void modified(KhhRules.Config config) {
    int configured = config.maxTemporaryDays();
    if (configured < 1) {
      LOG.warn(
          "Configuration {}: maxTemporaryDays must be at least 1, not {}; using {}",
          KhhRules.PID,
          configured,
          KhhRules.DEFAULT_MAX_TEMPORARY_DAYS);
      configured = KhhRules.DEFAULT_MAX_TEMPORARY_DAYS;
    }
    maxDays = configured;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Map<PassType, Integer> maxDays() {
    return Map.of(PassType.TEMPORARY, maxDays);
  }

  @Override
  public List<Finding> atSubmission(RuleContext line) {
    LocalDate from = line.validFrom();
    LocalDate to = line.validTo();
    // Missing or reversed dates are the core's validity rule's to report.
    if (line.passType() != PassType.TEMPORARY || from == null || to == null || to.isBefore(from)) {
      return List.of();
    }
    int limit = maxDays;
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days <= limit) {
      return List.of();
    }
    LocalDate latest = from.plusDays(limit - 1L);
    return List.of(
        Finding.blocking(
            ID,
            KhhRules.PORT,
            FIELD,
            new LocalizedText(
                "高雄港臨時證最長 "
                    + limit
                    + " 日，此通行證自 "
                    + from
                    + " 至 "
                    + to
                    + " 共 "
                    + days
                    + " 日：最晚請於 "
                    + latest
                    + " 結束",
                "Kaohsiung allows temporary passes of at most "
                    + days(limit)
                    + ", and this one runs "
                    + days(days)
                    + " from "
                    + from
                    + " to "
                    + to
                    + ": end it on "
                    + latest
                    + " at the latest")));
  }

  private static String days(long n) {
    return n == 1 ? "1 day" : n + " days";
  }
}
