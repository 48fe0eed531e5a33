package org.portpass.rules.khh.internal;

import java.time.temporal.ChronoUnit;
import java.util.List;
import org.osgi.service.component.annotations.Component;
import org.portpass.application.Finding;
import org.portpass.application.PassType;
import org.portpass.application.ReviewRule;
import org.portpass.application.RuleContext;
import org.portpass.application.Stage;
import org.portpass.core.LocalizedText;

/**
 * Kaohsiung's supervisors confirm the company's port contract before a long-term pass of more than
 * half a year: when such a line reaches them, the rule reminds them with a warning. Nothing is
 * checked at submission; the example shows a rule that speaks at a review stage.
 */
@Component(property = ReviewRule.PORT + "=" + KhhRules.PORT)
public final class LongPassConfirmationRule implements ReviewRule {
  static final String ID = "khh.long-pass-confirmation";
  static final int CONFIRM_FROM_DAYS = 183;

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Finding> atSubmission(RuleContext line) {
    return List.of();
  }

  @Override
  public List<Finding> atStage(RuleContext line, Stage stage) {
    if (stage != Stage.SUPERVISOR
        || line.passType() != PassType.LONG_TERM
        || line.validFrom() == null
        || line.validTo() == null) {
      return List.of();
    }
    long days = ChronoUnit.DAYS.between(line.validFrom(), line.validTo()) + 1;
    if (days < CONFIRM_FROM_DAYS) {
      return List.of();
    }
    return List.of(
        Finding.warning(
            ID,
            KhhRules.PORT,
            "validTo",
            new LocalizedText(
                "長期證共 " + days + " 日：核准前請確認業者的港區合約涵蓋此期間",
                "a long-term pass of "
                    + days
                    + " days: confirm the company's port contract covers it before approving")));
  }
}
