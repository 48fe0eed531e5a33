package org.portpass.rules.kel.internal;

import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.portpass.application.AttachmentSummary;
import org.portpass.application.PassType;
import org.portpass.application.RuleContext;
import org.portpass.application.SubjectKind;
import org.portpass.registry.AttachmentType;
import org.portpass.registry.VehicleType;

/** Lines and configurations as the core would pass them to Keelung's rules. */
final class Lines {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  static final LocalDate FROM = LocalDate.of(2027, 1, 1);
  static final LocalDate TO = LocalDate.of(2027, 3, 31);

  private Lines() {}

  static RuleContext person(PassType type, AttachmentSummary... attachments) {
    return line(type, SubjectKind.PERSON, FROM, TO, attachments);
  }

  static RuleContext vehicle(PassType type, AttachmentSummary... attachments) {
    return line(type, SubjectKind.VEHICLE, FROM, TO, attachments);
  }

  static RuleContext line(
      PassType type,
      SubjectKind kind,
      LocalDate from,
      LocalDate to,
      AttachmentSummary... attachments) {
    boolean person = kind == SubjectKind.PERSON;
    return new RuleContext(
        KelRules.PORT,
        TODAY,
        type,
        Set.of(KelRules.PORT, "TPE"),
        KelRules.PORT,
        kind,
        from,
        to,
        List.of(attachments),
        person ? LocalDate.of(1985, 6, 15) : null,
        person ? null : VehicleType.TRUCK);
  }

  static AttachmentSummary attachment(AttachmentType type, LocalDate validUntil) {
    return new AttachmentSummary(type, validUntil);
  }

  static KelRules.Config config(boolean trainingForTemporary) {
    return new KelRules.Config() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return KelRules.Config.class;
      }

      @Override
      public boolean trainingForTemporaryPasses() {
        return trainingForTemporary;
      }
    };
  }

  static KelRules.Config defaults() {
    return config(true);
  }
}
