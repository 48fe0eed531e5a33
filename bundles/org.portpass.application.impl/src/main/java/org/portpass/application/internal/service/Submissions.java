package org.portpass.application.internal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
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
import org.portpass.application.Decision;
import org.portpass.application.Finding;
import org.portpass.application.LineStatus;
import org.portpass.application.PassType;
import org.portpass.application.RuleContext;
import org.portpass.application.Stage;
import org.portpass.application.SubjectKind;
import org.portpass.application.internal.entity.DecisionEntity;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.core.Caller;
import org.portpass.core.FieldError;
import org.portpass.core.LocalizedText;
import org.portpass.core.NotFoundException;
import org.portpass.core.TooManyRequestsException;
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
 * inside it ({@link #checkAgainstStoredLines}).
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

  @Activate
  public Submissions(
      @Reference CompanyService companies,
      @Reference PersonService persons,
      @Reference VehicleService vehicles,
      @Reference AttachmentService attachments,
      @Reference RuleRegistry rules) {
    this.companies = companies;
    this.persons = persons;
    this.vehicles = vehicles;
    this.attachments = attachments;
    this.rules = rules;
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
    LocalDate today = ApplicationServiceImpl.today();
    if (wholeForm) {
      checkForm(form, errors);
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
      checkDates(at, form.passType(), line, settings, today, errors);
      Facts subject = subject(caller, form, line, at, today, errors);
      if (subject != null) {
        facts.put(line.lineId(), subject);
      }
    }
    return facts;
  }

  private static void checkForm(Draft form, List<FieldError> errors) {
    if (form.passType() == null) {
      errors.add(FieldError.of("passType", "choose-pass-type", "choose LONG_TERM or TEMPORARY"));
    }
    if (form.ports().isEmpty()) {
      errors.add(
          FieldError.of(
              "accessPorts",
              "choose-access-port",
              "choose at least one port the pass gives access to"));
    }
    if (form.pickupPort() == null) {
      errors.add(
          FieldError.of(
              "pickupPort", "choose-pickup-port", "choose the port where the cards are picked up"));
    } else if (!form.ports().contains(form.pickupPort())) {
      errors.add(
          FieldError.of(
              "pickupPort",
              "pickup-in-access-ports",
              "the pickup port must be one of the access ports " + form.ports(),
              form.ports()));
    }
    if (form.lines().isEmpty()) {
      errors.add(FieldError.of("lines", "add-subject", "add at least one person or vehicle"));
    } else if (form.passType() == PassType.TEMPORARY
        && form.lines().size() < PassType.MIN_TEMPORARY_LINES) {
      errors.add(
          FieldError.of(
              "lines",
              "min-temporary-lines",
              "a temporary-pass form holds at least " + PassType.MIN_TEMPORARY_LINES + " lines",
              PassType.MIN_TEMPORARY_LINES));
    }
  }

  private static void checkDates(
      String at,
      PassType type,
      DraftLine line,
      ApplicationSettings settings,
      LocalDate today,
      List<FieldError> errors) {
    if (line.validFrom() == null || line.validTo() == null) {
      errors.add(
          FieldError.of(at + "validFrom", "give-dates", "give the pass's start and end dates"));
      return;
    }
    if (line.validTo().isBefore(line.validFrom())) {
      errors.add(
          FieldError.of(
              at + "validTo", "end-before-start", "the end date is before the start date"));
    }
    if (line.validFrom().isBefore(today)) {
      errors.add(FieldError.of(at + "validFrom", "start-passed", "the start date has passed"));
    }
    int max = type == PassType.TEMPORARY ? settings.maxTemporaryDays() : settings.maxLongTermDays();
    if (ChronoUnit.DAYS.between(line.validFrom(), line.validTo()) + 1 > max) {
      errors.add(
          FieldError.of(
              at + "validTo",
              "max-days",
              "a "
                  + (type == null ? "" : type.name().toLowerCase().replace('_', '-') + " ")
                  + "pass lasts at most "
                  + max
                  + " days: until "
                  + line.validFrom().plusDays(max - 1),
              type == null ? "" : type,
              String.valueOf(max),
              String.valueOf(line.validFrom().plusDays(max - 1))));
    }
  }

  private Facts subject(
      Caller caller,
      Draft form,
      DraftLine line,
      String at,
      LocalDate today,
      List<FieldError> errors) {
    String label;
    String snapshot;
    Long company;
    LocalDate birthDate = null;
    org.portpass.registry.VehicleType vehicleType = null;
    try {
      if (line.kind() == SubjectKind.PERSON) {
        Person p = persons.get(caller, line.subjectId());
        label = (p.nameZh() != null ? p.nameZh() : p.nameEn()) + " (" + p.identityNumber() + ")";
        snapshot = p.toString();
        company = p.companyId();
        birthDate = p.birthDate();
      } else {
        Vehicle v = vehicles.get(caller, line.subjectId());
        label = v.plateNumber() + " " + v.type();
        snapshot = v.toString();
        company = v.companyId();
        vehicleType = v.type();
      }
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
    if (company == null || company != form.companyId()) {
      errors.add(
          FieldError.of(
              at + "subjectId",
              "subject-not-yours",
              label + " does not belong to your company",
              label));
      return null;
    }
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
              birthDate,
              vehicleType);
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
    return new Facts(label, snapshot, encodeAttachments(ticked), findings);
  }

  /**
   * Inside the form's transaction: a subject holds at most one valid long-term pass across all
   * ports, no overlapping pass for the same port, and the frequency limits hold.
   */
  void checkAgainstStoredLines(
      EntityManager em,
      Caller caller,
      Draft form,
      Map<Long, Facts> facts,
      ApplicationSettings settings,
      List<FieldError> errors) {
    LocalDate today = ApplicationServiceImpl.today();
    for (DraftLine line : form.lines()) {
      if (line.subjectId() == null
          || line.kind() == null
          || line.validFrom() == null
          || line.validTo() == null) {
        continue;
      }
      String at = "lines/" + (line.lineNo() - 1) + "/";
      List<LineEntity> others =
          em.createQuery(
                  "SELECT l FROM LineEntity l WHERE l.subjectKind = :kind AND l.subjectId = :id AND l.id <> :self"
                      + " AND l.status NOT IN :closed AND l.validTo >= :today",
                  LineEntity.class)
              .setParameter("kind", line.kind())
              .setParameter("id", line.subjectId())
              .setParameter("self", line.lineId())
              .setParameter("closed", List.of(LineStatus.DRAFT, LineStatus.CANCELLED))
              .setParameter("today", today)
              .getResultList();
      for (LineEntity other : others) {
        String name = "form " + other.getForm().getNumber() + " line " + other.getLineNo();
        if (form.passType() == PassType.LONG_TERM
            && other.getForm().getPassType() == PassType.LONG_TERM) {
          errors.add(
              FieldError.of(
                  at + "subjectId",
                  "holds-long-term",
                  "already holds or awaits a long-term pass ("
                      + name
                      + ", "
                      + other.getStatus()
                      + ")",
                  other.getForm().getNumber(),
                  String.valueOf(other.getLineNo()),
                  other.getStatus()));
        } else if (!line.validTo().isBefore(other.getValidFrom())
            && !other.getValidTo().isBefore(line.validFrom())
            && Codes.ports(other.getAccessPorts()).stream().anyMatch(form.ports()::contains)) {
          errors.add(
              FieldError.of(
                  at + "validFrom",
                  "overlaps",
                  "overlaps "
                      + name
                      + " for the same port ("
                      + other.getValidFrom()
                      + " to "
                      + other.getValidTo()
                      + ")",
                  other.getForm().getNumber(),
                  String.valueOf(other.getLineNo()),
                  String.valueOf(other.getValidFrom()),
                  String.valueOf(other.getValidTo())));
        }
      }
    }
    if (!errors.isEmpty()) {
      return;
    }
    checkLimits(em, form, settings);
  }

  private static void checkLimits(EntityManager em, Draft form, ApplicationSettings settings) {
    long today =
        em.createQuery(
                "SELECT COUNT(f) FROM FormEntity f WHERE f.companyId = :c AND f.submittedAt >= :start",
                Long.class)
            .setParameter("c", form.companyId())
            .setParameter("start", ApplicationServiceImpl.startOfToday())
            .getSingleResult();
    if (today >= settings.submissionsPerCompanyPerDay()) {
      Instant midnight = ApplicationServiceImpl.startOfToday().toInstant().plus(1, ChronoUnit.DAYS);
      throw new TooManyRequestsException(
          "limit submissionsPerCompanyPerDay ("
              + settings.submissionsPerCompanyPerDay()
              + ") reached; it frees up at "
              + midnight,
          midnight,
          "submissions-per-day",
          String.valueOf(settings.submissionsPerCompanyPerDay()),
          String.valueOf(midnight));
    }
    if (form.passType() != PassType.TEMPORARY) {
      return;
    }
    Date since = Date.from(Instant.now().minus(30, ChronoUnit.DAYS));
    for (DraftLine line : form.lines()) {
      if (line.kind() != SubjectKind.PERSON) {
        continue;
      }
      for (String port : form.ports()) {
        List<Date> recent =
            em.createQuery(
                    "SELECT l.form.submittedAt FROM LineEntity l WHERE l.subjectKind = :kind AND l.subjectId = :id"
                        + " AND l.form.passType = :type AND l.form.submittedAt >= :since AND l.accessPorts LIKE :port"
                        + " ORDER BY l.form.submittedAt",
                    Date.class)
                .setParameter("kind", SubjectKind.PERSON)
                .setParameter("id", line.subjectId())
                .setParameter("type", PassType.TEMPORARY)
                .setParameter("since", since)
                .setParameter("port", Codes.like(port))
                .getResultList();
        int limit = settings.temporaryPerPerson(port);
        if (recent.size() >= limit) {
          Instant frees = recent.get(0).toInstant().plus(30, ChronoUnit.DAYS);
          throw new TooManyRequestsException(
              "limit "
                  + port
                  + "."
                  + ApplicationSettings.TEMPORARY_PER_PERSON
                  + " ("
                  + limit
                  + ") reached for line "
                  + line.lineNo()
                  + "; it frees up at "
                  + frees,
              frees,
              "temporary-per-person",
              port,
              String.valueOf(limit),
              String.valueOf(line.lineNo()),
              String.valueOf(frees));
        }
      }
    }
  }

  /** Records a step in the line's history. */
  static void record(
      EntityManager em, Caller caller, LineEntity line, Decision step, String reason) {
    DecisionEntity d = new DecisionEntity();
    d.setLineId(line.getId());
    d.setDecision(step);
    d.setReason(reason);
    d.setRevision(line.getRevision());
    d.setDecidedBy(caller.username());
    d.setDecidedAt(new Date());
    em.persist(d);
  }

  /** Attachments as stored on the line: "TYPE" or "TYPE:validUntil", separated by ";". */
  static String encodeAttachments(List<AttachmentSummary> attachments) {
    return attachments.stream()
        .map(a -> a.type() + (a.validUntil() == null ? "" : ":" + a.validUntil()))
        .collect(Collectors.joining(";"));
  }

  static List<AttachmentSummary> decodeAttachments(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    List<AttachmentSummary> attachments = new ArrayList<>();
    for (String item : stored.split(";")) {
      String[] p = item.split(":", 2);
      attachments.add(
          new AttachmentSummary(
              AttachmentType.valueOf(p[0]), p.length == 2 ? LocalDate.parse(p[1]) : null));
    }
    return attachments;
  }

  /** Between a stored finding's English and Chinese sentence (older rows have English only). */
  private static final String ZH_TW_SEPARATOR = "\u001f";

  /**
   * Findings as stored on the line: one per row, "severity|rule|port|field|message", the message
   * followed by its zh-TW sentence after {@link #ZH_TW_SEPARATOR} when the rule gave one.
   */
  static String encode(List<Finding> findings) {
    if (findings.isEmpty()) {
      return null;
    }
    String text =
        findings.stream()
            .map(
                f ->
                    f.severity()
                        + "|"
                        + f.ruleId()
                        + "|"
                        + f.port()
                        + "|"
                        + (f.field() == null ? "" : f.field())
                        + "|"
                        + f.message().replace('\n', ' ')
                        + (f.messageZhTw() == null
                            ? ""
                            : ZH_TW_SEPARATOR + f.messageZhTw().replace('\n', ' ')))
            .collect(Collectors.joining("\n"));
    return text.length() > 4000 ? text.substring(0, 4000) : text;
  }

  static List<Finding> decode(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (String row : stored.split("\n")) {
      String[] p = row.split("\\|", 5);
      if (p.length == 5) {
        String[] texts = p[4].split(ZH_TW_SEPARATOR, 2);
        findings.add(
            new Finding(
                p[1],
                p[2],
                org.portpass.application.Severity.valueOf(p[0]),
                p[3].isEmpty() ? null : p[3],
                texts[0],
                texts.length == 2 ? texts[1] : null));
      }
    }
    return findings;
  }
}
