package org.portpass.rules.khh.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.portpass.application.AttachmentRequirement;
import org.portpass.application.AttachmentSummary;
import org.portpass.application.Finding;
import org.portpass.application.ReviewRule;
import org.portpass.application.RuleContext;
import org.portpass.application.SubjectKind;
import org.portpass.core.LocalizedText;
import org.portpass.registry.AttachmentType;

/**
 * Kaohsiung admits a vehicle only while it is insured: a vehicle's line must carry an {@link
 * AttachmentType#INSURANCE insurance} document whose valid-until date is on or after the pass's
 * last day. An insurance document without a valid-until date does not count: the port must see that
 * the whole pass period is covered. Otherwise the submission is blocked. Persons are not concerned.
 */
@Component(property = ReviewRule.PORT + "=" + KhhRules.PORT)
public final class VehicleInsuranceRule implements ReviewRule {
  static final String ID = "khh.vehicle-insurance";
  static final String FIELD = "attachmentIds"; // the input field of the line

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<AttachmentRequirement> attachmentRequirements() {
    return List.of(
        new AttachmentRequirement(
            SubjectKind.VEHICLE,
            null,
            AttachmentType.INSURANCE,
            new LocalizedText(
                "車輛須附保險證明，並填寫保險到期日，效期須涵蓋至通行證最後一日",
                "Vehicles need an insurance certificate with its valid-until date, valid until at"
                    + " least the pass's last day")));
  }

  @Override
  public List<Finding> atSubmission(RuleContext line) {
    LocalDate lastDay = line.validTo();
    // A line without an end date is the core's validity rule's to report.
    if (line.subjectKind() != SubjectKind.VEHICLE || lastDay == null) {
      return List.of();
    }
    List<AttachmentSummary> insurance =
        line.attachments().stream().filter(a -> a.type() == AttachmentType.INSURANCE).toList();
    Optional<LocalDate> latestExpiry =
        insurance.stream()
            .map(AttachmentSummary::validUntil)
            .filter(Objects::nonNull)
            .max(LocalDate::compareTo);
    if (latestExpiry.isPresent() && !latestExpiry.get().isBefore(lastDay)) {
      return List.of();
    }
    LocalizedText message;
    if (latestExpiry.isPresent()) {
      message =
          new LocalizedText(
              "所附車輛保險於 "
                  + latestExpiry.get()
                  + " 到期，早於通行證結束日 "
                  + lastDay
                  + "：高雄港要求保險效期至少到 "
                  + lastDay,
              "The vehicle insurance attached expires on "
                  + latestExpiry.get()
                  + ", before the pass ends on "
                  + lastDay
                  + ": Kaohsiung requires insurance valid until at least "
                  + lastDay);
    } else if (!insurance.isEmpty()) {
      message =
          new LocalizedText(
              "所附車輛保險沒有有效期限：請填寫保單到期日；高雄港要求保險效期至少到 " + lastDay,
              "The vehicle insurance attached has no valid-until date: enter the date the policy"
                  + " ends; Kaohsiung requires insurance valid until at least "
                  + lastDay);
    } else {
      message =
          new LocalizedText(
              "高雄港要求車輛保險：請附保險證明，效期至少到 " + lastDay,
              "Kaohsiung requires vehicle insurance: attach the insurance certificate,"
                  + " valid until at least "
                  + lastDay);
    }
    return List.of(Finding.blocking(ID, KhhRules.PORT, FIELD, message));
  }
}
