package org.portpass.application.internal.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.portpass.application.AttachmentSummary;
import org.portpass.application.Finding;
import org.portpass.application.PassType;
import org.portpass.application.RuleContext;
import org.portpass.application.Stage;
import org.portpass.application.SubjectKind;
import org.portpass.core.Caller;
import org.portpass.core.FieldError;
import org.portpass.core.LocalizedText;
import org.portpass.core.NotFoundException;
import org.portpass.core.PortTime;
import org.portpass.registry.Attachment;
import org.portpass.registry.AttachmentService;
import org.portpass.registry.AttachmentType;
import org.portpass.registry.CompanyService;
import org.portpass.registry.CompanyStatus;
import org.portpass.registry.OwnerKind;
import org.portpass.registry.Person;
import org.portpass.registry.PersonService;
import org.portpass.registry.Vehicle;
import org.portpass.registry.VehicleService;

/**
 * Everything a submission checks, reported all at once per line: the form's shape, each line's
 * subject (known, of this company, not twice), dates, attachments, the core rules, the ports' rule
 * bundles, the one-long-term-pass rule and the frequency limits.
 *
 * <p>Registry facts are gathered before the form's transaction opens ({@link #gather}), so the
 * transaction touches only this capability's tables; checks against other forms and limits run
 * inside it ({@link #checkAgainstStoredLines}, see {@link StoredLineChecks}).
 */
@Component(service = Submissions.class)
public class Submissions {
  static final int MAX_LINES = 1000;

  /**
   * Attachments a line or a form may name; their ids are stored joined in a 1000-character column.
   */
  static final int MAX_ATTACHMENTS = 20;

  /** What a line's subject looked like when it was sent: this is what reviewers see. */
  record Facts(String label, String snapshot, String attachmentSnapshot, List<Finding> findings) {}

  /** A form as the checks see it, read before the transaction. */
  record Draft(
      long formId,
      long version,
      long companyId,
      PassType passType,
      Set<String> ports,
      String pickupPort,
      List<DraftLine> lines) {}

  record DraftLine(
      long lineId,
      int lineNo,
      SubjectKind kind,
      Long subjectId,
      LocalDate validFrom,
      LocalDate validTo,
      List<Long> attachmentIds) {}

  private final CompanyService companies;
  private final PersonService persons;
  private final VehicleService vehicles;
  private final AttachmentService attachments;
  private final RuleRegistry rules;
  private final PortTime time;

  @Activate
  public Submissions(
      @Reference CompanyService companies,
      @Reference PersonService persons,
      @Reference VehicleService vehicles,
      @Reference AttachmentService attachments,
      @Reference RuleRegistry rules,
      @Reference PortTime time) {
    this.companies = companies;
    this.persons = persons;
    this.vehicles = vehicles;
    this.attachments = attachments;
    this.rules = rules;
    this.time = time;
  }

  /**
   * Checks what can be checked without this capability's tables and returns each line's facts
   * (keyed by line id); every problem found is added to {@code errors}.
   */
  Map<Long, Facts> gather(
      Caller caller,
      Draft form,
      ApplicationSettings settings,
      boolean wholeForm,
      List<FieldError> errors) {
    LocalDate today = time.today();
    if (wholeForm) {
      DraftChecks.checkForm(form, errors);
    }
    if (companies.get(Caller.system("submission"), form.companyId()).status()
        != CompanyStatus.VERIFIED) {
      errors.add(
          FieldError.of(
              "company",
              "company-not-verified",
              "customer service has not verified your company yet; forms can be submitted once it has"));
    }
    Map<Long, Facts> facts = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (DraftLine line : form.lines()) {
      String at = "lines/" + (line.lineNo() - 1) + "/";
      if (line.kind() == null || line.subjectId() == null) {
        errors.add(
            FieldError.of(at + "subjectId", "choose-subject", "choose a person or a vehicle"));
        continue;
      }
      if (!seen.add(line.kind() + ":" + line.subjectId())) {
        errors.add(
            FieldError.of(
                at + "subjectId",
                "subject-twice",
                "this " + line.kind().name().toLowerCase() + " is already on the form",
                line.kind()));
      }
      DraftChecks.checkDates(at, form.passType(), line, settings, today, errors);
      Facts subject = subject(caller, form, line, at, today, errors);
      if (subject != null) {
        facts.put(line.lineId(), subject);
      }
    }
    return facts;
  }

  /** The line's person or vehicle as the registry has it now. */
  private record Subject(
      String label,
      String snapshot,
      Long companyId,
      LocalDate birthDate,
      org.portpass.registry.VehicleType vehicleType) {}

  private Facts subject(
      Caller caller,
      Draft form,
      DraftLine line,
      String at,
      LocalDate today,
      List<FieldError> errors) {
    Subject subject = read(caller, line, at, errors);
    if (subject == null) {
      return null;
    }
    if (subject.companyId() == null || subject.companyId() != form.companyId()) {
      errors.add(
          FieldError.of(
              at + "subjectId",
              "subject-not-yours",
              subject.label() + " does not belong to your company",
              subject.label()));
      return null;
    }
    List<AttachmentSummary> ticked = ticked(caller, line, subject.label(), at, errors);
    List<Finding> findings = findings(form, line, subject, ticked, at, today, errors);
    return new Facts(
        subject.label(), subject.snapshot(), LineStorage.encodeAttachments(ticked), findings);
  }

  private Subject read(Caller caller, DraftLine line, String at, List<FieldError> errors) {
    try {
      if (line.kind() == SubjectKind.PERSON) {
        Person p = persons.get(caller, line.subjectId());
        String name = p.nameZh() != null ? p.nameZh() : p.nameEn();
        return new Subject(
            name + " (" + p.identityNumber() + ")",
            p.toString(),
            p.companyId(),
            p.birthDate(),
            null);
      }
      Vehicle v = vehicles.get(caller, line.subjectId());
      return new Subject(
          v.plateNumber() + " " + v.type(), v.toString(), v.companyId(), null, v.type());
    } catch (NotFoundException e) {
      errors.add(
          FieldError.of(
              at + "subjectId",
              "unknown-subject",
              "unknown or deleted " + line.kind().name().toLowerCase() + " " + line.subjectId(),
              line.kind(),
              String.valueOf(line.subjectId())));
      return null;
    }
  }

  /** The attachments ticked on the line: the subject's own, and a photo for a person. */
  private List<AttachmentSummary> ticked(
      Caller caller, DraftLine line, String label, String at, List<FieldError> errors) {
    Map<Long, Attachment> own =
        attachments
            .list(
                caller,
                line.kind() == SubjectKind.PERSON ? OwnerKind.PERSON : OwnerKind.VEHICLE,
                line.subjectId())
            .stream()
            .collect(Collectors.toMap(Attachment::id, a -> a));
    List<AttachmentSummary> ticked = new ArrayList<>();
    for (Long id : line.attachmentIds()) {
      Attachment a = own.get(id);
      if (a == null) {
        errors.add(
            FieldError.of(
                at + "attachmentIds",
                "attachment-not-subjects",
                "attachment " + id + " is not one of " + label + "'s",
                String.valueOf(id),
                label));
      } else {
        ticked.add(new AttachmentSummary(a.type(), a.validUntil()));
      }
    }
    if (line.kind() == SubjectKind.PERSON
        && ticked.stream().noneMatch(a -> a.type() == AttachmentType.PHOTO)) {
      errors.add(
          FieldError.of(
              at + "attachmentIds",
              "tick-photo",
              "tick a photo of " + label + ": the card shows it",
              label));
    }
    return ticked;
  }

  /**
   * Every access port's rules: a blocking finding refuses the line, the others are kept for the
   * reviewers (with what the rules find as the line enters review).
   */
  private List<Finding> findings(
      Draft form,
      DraftLine line,
      Subject subject,
      List<AttachmentSummary> ticked,
      String at,
      LocalDate today,
      List<FieldError> errors) {
    List<Finding> findings = new ArrayList<>();
    for (String port : form.ports()) {
      RuleContext context =
          new RuleContext(
              port,
              today,
              form.passType(),
              form.ports(),
              form.pickupPort(),
              line.kind(),
              line.validFrom(),
              line.validTo(),
              ticked,
              subject.birthDate(),
              subject.vehicleType());
      for (Finding f : rules.atSubmission(context)) {
        if (f.isBlocking()) {
          errors.add(
              FieldError.of(
                  at + (f.field() == null ? "subjectId" : f.field()),
                  "rule-finding",
                  port + ": " + f.message(),
                  port,
                  f.messageIn(LocalizedText.ZH_TW)));
        } else {
          findings.add(f);
        }
      }
      findings.addAll(rules.atStage(context, Stage.REVIEW)); // the line enters review now
    }
    return findings;
  }

  /** Inside the form's transaction: the checks against other lines ({@link StoredLineChecks}). */
  void checkAgainstStoredLines(
      EntityManager em, Draft form, ApplicationSettings settings, List<FieldError> errors) {
    StoredLineChecks.check(em, form, settings, time, errors);
  }
}
