package org.portpass.rules.khh.internal;

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

/** Lines and configurations as the core would pass them to Kaohsiung's rules. */
final class Lines {
  static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
  static final LocalDate FROM = LocalDate.of(2027, 1, 1);
  static final LocalDate TO = LocalDate.of(2027, 3, 31);

  private Lines() {}

  static RuleContext person(PassType type, LocalDate from, LocalDate to) {
    return line(type, SubjectKind.PERSON, from, to);
  }

  static RuleContext vehicle(PassType type, LocalDate from, LocalDate to) {
    return line(type, SubjectKind.VEHICLE, from, to);
  }

  static RuleContext vehicle(AttachmentSummary... attachments) {
    return line(PassType.LONG_TERM, SubjectKind.VEHICLE, FROM, TO, attachments);
  }

  static RuleContext line(
      PassType type,
      SubjectKind kind,
      LocalDate from,
      LocalDate to,
      AttachmentSummary... attachments) {
    boolean person = kind == SubjectKind.PERSON;
    return new RuleContext(
        KhhRules.PORT,
        TODAY,
        type,
        Set.of(KhhRules.PORT),
        KhhRules.PORT,
        kind,
        from,
        to,
        List.of(attachments),
        person ? LocalDate.of(1990, 2, 28) : null,
        person ? null : VehicleType.TRACTOR);
  }

  static AttachmentSummary attachment(AttachmentType type, LocalDate validUntil) {
    return new AttachmentSummary(type, validUntil);
  }

  static KhhRules.Config config(int maxTemporaryDays) {
    return new KhhRules.Config() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return KhhRules.Config.class;
      }

      @Override
      public int maxTemporaryDays() {
        return maxTemporaryDays;
      }
    };
  }
}
