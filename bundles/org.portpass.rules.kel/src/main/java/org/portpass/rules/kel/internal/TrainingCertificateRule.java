package org.portpass.rules.kel.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.portpass.application.AttachmentRequirement;
import org.portpass.application.AttachmentSummary;
import org.portpass.application.Finding;
import org.portpass.application.PassType;
import org.portpass.application.ReviewRule;
import org.portpass.application.RuleContext;
import org.portpass.application.SubjectKind;
import org.portpass.core.LocalizedText;
import org.portpass.registry.AttachmentType;

/**
 * Keelung lets persons into the port area only after its port-safety training: a person's line must
 * carry a {@link AttachmentType#TRAINING_CERTIFICATE training certificate} that is valid (no expiry
 * date, or one not before the pass's last day) for the whole pass period. Otherwise the submission
 * is blocked. Vehicles are not concerned. Temporary passes are concerned unless {@link
 * KelRules.Config#trainingForTemporaryPasses()} is off.
 */
@Component(configurationPid = KelRules.PID, property = ReviewRule.PORT + "=" + KelRules.PORT)
@Designate(ocd = KelRules.Config.class)
public final class TrainingCertificateRule implements ReviewRule {
  static final String ID = "kel.training-certificate";
  static final String FIELD = "attachmentIds"; // the input field of the line

  /** Replaced as a whole when the configuration changes; the service stays registered. */
  private volatile boolean forTemporaryPasses;

  @Activate
  public TrainingCertificateRule(KelRules.Config config) {
    modified(config);
  }

  @Modified
  void modified(KelRules.Config config) {
    forTemporaryPasses = config.trainingForTemporaryPasses();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<AttachmentRequirement> attachmentRequirements() {
    return List.of(
        new AttachmentRequirement(
            SubjectKind.PERSON,
            forTemporaryPasses ? null : PassType.LONG_TERM,
            AttachmentType.TRAINING_CERTIFICATE,
            new LocalizedText(
                "人員須附基隆港港區安全訓練證明，效期須涵蓋至通行證最後一日",
                "Persons need a Keelung port-safety training certificate valid until at least the"
                    + " pass's last day")));
  }

  @Override
  public List<Finding> atSubmission(RuleContext line) {
    LocalDate lastDay = line.validTo();
    if (line.subjectKind() != SubjectKind.PERSON
        || lastDay == null // a line without dates is the core's validity rule's to report
        || (line.passType() == PassType.TEMPORARY && !forTemporaryPasses)
        || line.hasValidAttachment(AttachmentType.TRAINING_CERTIFICATE, lastDay)) {
      return List.of();
    }
    return List.of(Finding.blocking(ID, KelRules.PORT, FIELD, message(line, lastDay)));
  }

  private static LocalizedText message(RuleContext line, LocalDate lastDay) {
    // Certificates without an expiry date are valid, so any left here have one, too early.
    Optional<LocalDate> latestExpiry =
        line.attachments().stream()
            .filter(a -> a.type() == AttachmentType.TRAINING_CERTIFICATE)
            .map(AttachmentSummary::validUntil)
            .filter(Objects::nonNull)
            .max(LocalDate::compareTo);
    return latestExpiry
        .map(
            expiry ->
                new LocalizedText(
                    "所附港區安全訓練證明於 " + expiry + " 到期，早於通行證結束日 " + lastDay + "：基隆港要求效期至少到 " + lastDay,
                    "The port-safety training certificate attached expires on "
                        + expiry
                        + ", before the pass ends on "
                        + lastDay
                        + ": Keelung requires one valid until at least "
                        + lastDay))
        .orElse(
            new LocalizedText(
                "基隆港要求人員附有效的港區安全訓練證明：請附效期至少到 " + lastDay + " 的證明",
                "Keelung requires a valid port-safety training certificate for persons:"
                    + " attach one valid until at least "
                    + lastDay));
  }
}
