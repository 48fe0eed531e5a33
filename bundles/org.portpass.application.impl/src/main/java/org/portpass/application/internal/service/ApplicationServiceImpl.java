package org.portpass.application.internal.service;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.portpass.application.ApplicationForm;
import org.portpass.application.ApplicationService;
import org.portpass.application.AttachmentRequirement;
import org.portpass.application.Decision;
import org.portpass.application.FormInput;
import org.portpass.application.FormLine;
import org.portpass.application.FormLineInput;
import org.portpass.application.FormQuery;
import org.portpass.application.FormStatus;
import org.portpass.application.FormSummary;
import org.portpass.application.LineFlow;
import org.portpass.application.LineStatus;
import org.portpass.application.PassType;
import org.portpass.application.PortRequirements;
import org.portpass.application.ReviewRule;
import org.portpass.application.internal.entity.FormEntity;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.FieldError;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.PortDirectory;
import org.portpass.core.Role;
import org.portpass.core.Texts;
import org.portpass.core.ValidationException;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.PagedQuery;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application forms: the draft box, submission with every check at once, and the company's own
 * steps on lines (resubmit, cancel). Reviewers' decisions are in {@link ReviewServiceImpl}.
 */
@Component(configurationPid = ApplicationSettings.PID)
public class ApplicationServiceImpl implements ApplicationService {
  private static final Logger LOG = LoggerFactory.getLogger(ApplicationServiceImpl.class);

  private final Transactions tx;
  private final Submissions submissions;
  private final PortDirectory ports;
  private final RuleRegistry rules;
  private volatile ApplicationSettings settings;

  @Activate
  public ApplicationServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-application)") JpaTemplate jpa,
      @Reference(target = ApplicationSchema.READY) SchemaReady schema,
      @Reference Submissions submissions,
      @Reference PortDirectory ports,
      @Reference RuleRegistry rules,
      Map<String, Object> properties) {
    this.tx = new Transactions(jpa);
    this.submissions = submissions;
    this.ports = ports;
    this.rules = rules;
    modified(properties);
  }

  @Modified
  void modified(Map<String, Object> properties) {
    settings = ApplicationSettings.of(properties);
  }

  @Override
  public ApplicationForm saveDraft(Caller caller, FormInput input) {
    long company = requireCompanyWriter(caller);
    FormEntity form = new FormEntity();
    form.setCompanyId(company);
    form.setStatus(FormStatus.DRAFT);
    form.setCreatedBy(caller.username());
    form.setCreatedAt(new Date());
    fill(form, input);
    return tx.write(
        em -> {
          em.persist(form);
          em.flush();
          AuditTrail.append(
              em,
              caller,
              "form.draft",
              "form",
              String.valueOf(form.getId()),
              null,
              lineCount(form));
          return form;
        },
        Views::form);
  }

  @Override
  public ApplicationForm updateDraft(Caller caller, long formId, FormInput input, long version) {
    requireCompanyWriter(caller);
    return tx.write(
        em -> {
          FormEntity form = draft(em, caller, formId, version);
          // old lines go first: OpenJPA does not order the deletes before the new line numbers
          form.getLines().clear();
          em.flush();
          fill(form, input);
          em.flush();
          AuditTrail.append(
              em,
              caller,
              "form.draft.update",
              "form",
              String.valueOf(formId),
              null,
              lineCount(form));
          return form;
        },
        Views::form);
  }

  @Override
  public void deleteDraft(Caller caller, long formId, long version) {
    requireCompanyWriter(caller);
    tx.write(
        em -> {
          FormEntity form = draft(em, caller, formId, version);
          AuditTrail.append(
              em,
              caller,
              "form.draft.delete",
              "form",
              String.valueOf(formId),
              lineCount(form),
              null);
          form.getLines().clear(); // lines before their form: the foreign key
          em.flush();
          em.remove(form);
        });
  }

  @Override
  public Page<FormSummary> listForms(Caller caller, FormQuery query, PageRequest page) {
    boolean staff = caller.hasAny(Role.ADMIN, Role.CUSTOMER_SERVICE);
    if (!staff
        && (caller.companyId() == null || caller.roles().stream().noneMatch(Role::isCompanyRole))) {
      throw new ForbiddenException(
          "forms are listed for companies and customer service", "forms-listed-for");
    }
    Long company = staff ? query.companyId() : caller.companyId();
    FormStatus stored =
        query.status() == FormStatus.DRAFT || query.status() == FormStatus.SUBMITTED
            ? query.status()
            : null;
    PagedQuery<FormEntity> found =
        PagedQuery.of(FormEntity.class)
            .whereGiven("e.companyId = :company", "company", company)
            .whereGiven("e.status = :status", "status", stored)
            .whereGiven("e.passType = :type", "type", query.passType())
            .whereGiven(
                "e.number = :number",
                "number",
                query.number() == null ? null : query.number().strip());
    return tx.read(em -> found.page(em, "e.id DESC", page, Views::summary));
  }

  @Override
  public ApplicationForm getForm(Caller caller, long formId) {
    return tx.read(em -> Views.form(readable(em, caller, formId)));
  }

  @Override
  public ApplicationForm submit(Caller caller, long formId, String idempotencyKey) {
    requireCompanyWriter(caller);
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
      throw ValidationException.of(
          "Idempotency-Key",
          "idempotency-key-length",
          "send a key of 1 to 100 characters per submission");
    }
    String key = idempotencyKey.strip();
    ApplicationSettings current = settings;
    Object state =
        tx.read(
            em -> {
              FormEntity form = writable(em, caller, formId);
              return form.getStatus() == FormStatus.DRAFT ? draftOf(form) : submitted(form, key);
            });
    if (state instanceof ApplicationForm retried) {
      return retried;
    }
    Submissions.Draft draft = (Submissions.Draft) state;
    List<FieldError> errors = new ArrayList<>();
    Map<Long, Submissions.Facts> facts = submissions.gather(caller, draft, current, true, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return tx.write(
        em -> {
          FormEntity form = writable(em, caller, formId);
          if (form.getStatus() != FormStatus.DRAFT) {
            submitted(form, key);
            return form;
          }
          if (form.getVersion() != draft.version()) {
            throw ConflictException.staleVersion(
                "form " + formId, draft.version(), form.getVersion());
          }
          List<FieldError> more = new ArrayList<>();
          submissions.checkAgainstStoredLines(em, caller, draft, facts, current, more);
          if (!more.isEmpty()) {
            throw new ValidationException(more);
          }
          for (LineEntity line : form.getLines()) {
            snapshot(line, facts.get(line.getId()));
            Views.apply(line, LineFlow.draft(Codes.ports(form.getAccessPorts())).submit());
          }
          form.setStatus(FormStatus.SUBMITTED);
          form.setSubmittedAt(new Date());
          form.setIdempotencyKey(key);
          form.setNumber(String.format("AF%d-%07d", today().getYear(), form.getId()));
          em.flush();
          for (LineEntity line : form.getLines()) {
            Submissions.record(em, caller, line, Decision.SUBMIT, null);
          }
          AuditTrail.append(
              em,
              caller,
              "form.submit",
              "form",
              String.valueOf(formId),
              null,
              form.getNumber() + ", " + lineCount(form));
          return form;
        },
        Views::form);
  }

  @Override
  public FormLine resubmitLine(Caller caller, long lineId, FormLineInput input) {
    requireCompanyWriter(caller);
    if (input == null) {
      throw ValidationException.of(
          "line", "line-dates-attachments", "the line's dates and attachments are required");
    }
    List<FieldError> tooMany = new ArrayList<>();
    tooManyAttachments("attachmentIds", input.attachmentIds(), tooMany);
    if (!tooMany.isEmpty()) {
      throw new ValidationException(tooMany);
    }
    ApplicationSettings current = settings;
    Submissions.Draft draft =
        tx.read(
            em -> {
              LineEntity line = line(em, caller, lineId);
              if ((input.subjectKind() != null && input.subjectKind() != line.getSubjectKind())
                  || (input.subjectId() != null
                      && !input.subjectId().equals(line.getSubjectId()))) {
                throw ValidationException.of(
                    "subjectId",
                    "resubmit-keeps-subject",
                    "a resubmitted line keeps its person or vehicle; use a new form for another");
              }
              Views.flow(line)
                  .resubmit(); // refuses a line that is not returned, before any other check
              FormEntity form = line.getForm();
              return new Submissions.Draft(
                  form.getId(),
                  line.getVersion(),
                  form.getCompanyId(),
                  form.getPassType(),
                  Codes.ports(form.getAccessPorts()),
                  form.getPickupPort(),
                  List.of(
                      new Submissions.DraftLine(
                          line.getId(),
                          line.getLineNo(),
                          line.getSubjectKind(),
                          line.getSubjectId(),
                          input.validFrom(),
                          input.validTo(),
                          Views.ids(input.attachmentIds()))));
            });
    List<FieldError> errors = new ArrayList<>();
    Map<Long, Submissions.Facts> facts = submissions.gather(caller, draft, current, false, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return tx.write(
        em -> {
          LineEntity line = line(em, caller, lineId);
          if (line.getVersion() != draft.version()) {
            throw ConflictException.staleVersion(
                "line " + lineId, draft.version(), line.getVersion());
          }
          List<FieldError> more = new ArrayList<>();
          submissions.checkAgainstStoredLines(em, caller, draft, facts, current, more);
          if (!more.isEmpty()) {
            throw new ValidationException(more);
          }
          line.setValidFrom(input.validFrom());
          line.setValidTo(input.validTo());
          line.setAttachmentIds(Codes.join(Views.ids(input.attachmentIds())));
          snapshot(line, facts.get(lineId));
          Views.apply(line, Views.flow(line).resubmit());
          Submissions.record(em, caller, line, Decision.RESUBMIT, null);
          em.flush();
          AuditTrail.append(
              em,
              caller,
              "line.resubmit",
              "line",
              String.valueOf(lineId),
              null,
              "revision " + line.getRevision());
          return line;
        },
        Views::line);
  }

  private static Submissions.Draft draftOf(FormEntity form) {
    return new Submissions.Draft(
        form.getId(),
        form.getVersion(),
        form.getCompanyId(),
        form.getPassType(),
        Codes.ports(form.getAccessPorts()),
        form.getPickupPort(),
        form.getLines().stream()
            .map(
                l ->
                    new Submissions.DraftLine(
                        l.getId(),
                        l.getLineNo(),
                        l.getSubjectKind(),
                        l.getSubjectId(),
                        l.getValidFrom(),
                        l.getValidTo(),
                        Codes.ids(l.getAttachmentIds())))
            .toList());
  }

  /**
   * A repeated submission with the same key gets the first one's result; another key is refused.
   */
  private static ApplicationForm submitted(FormEntity form, String key) {
    if (key.equals(form.getIdempotencyKey())) {
      return Views.form(form);
    }
    throw new ConflictException(
        "already-submitted",
        null,
        "form " + form.getNumber() + " was already submitted",
        "already-submitted",
        form.getNumber());
  }

  private static void snapshot(LineEntity line, Submissions.Facts facts) {
    line.setSubjectLabel(Texts.cut(facts.label(), 255));
    line.setSubjectSnapshot(Texts.cut(facts.snapshot(), 4000));
    line.setAttachmentSnapshot(Texts.cut(facts.attachmentSnapshot(), 2000));
    line.setFindings(Submissions.encode(facts.findings()));
  }

  @Override
  public FormLine cancelLine(Caller caller, long lineId) {
    requireCompanyWriter(caller);
    return tx.write(
        em -> {
          LineEntity line = line(em, caller, lineId);
          cancel(em, caller, line);
          em.flush();
          return line;
        },
        Views::line);
  }

  @Override
  public ApplicationForm cancelForm(Caller caller, long formId) {
    requireCompanyWriter(caller);
    return tx.write(
        em -> {
          FormEntity form = writable(em, caller, formId);
          if (form.getStatus() == FormStatus.DRAFT) {
            throw new ConflictException(
                "draft", null, "a draft is deleted, not cancelled", "draft-not-cancelled");
          }
          List<LineEntity> open =
              form.getLines().stream().filter(l -> l.getStatus().isCancellable()).toList();
          if (open.isEmpty()) {
            throw new ConflictException(
                "nothing-to-cancel",
                null,
                "no line of form " + form.getNumber() + " can still be cancelled",
                "nothing-to-cancel",
                form.getNumber());
          }
          for (LineEntity line : open) {
            cancel(em, caller, line);
          }
          em.flush();
          return form;
        },
        Views::form);
  }

  private static void cancel(EntityManager em, Caller caller, LineEntity line) {
    Views.apply(line, Views.flow(line).cancel());
    Submissions.record(em, caller, line, Decision.CANCEL, null);
    AuditTrail.append(
        em, caller, "line.cancel", "line", String.valueOf(line.getId()), null, "CANCELLED");
  }

  /** Company accounts write their own company's forms. */
  private static long requireCompanyWriter(Caller caller) {
    if (caller.companyId() == null || !caller.hasAny(Role.COMPANY_USER, Role.COMPANY_ADMIN)) {
      throw new ForbiddenException(
          "application forms are written by company accounts", "forms-by-companies");
    }
    return caller.companyId();
  }

  private FormEntity readable(EntityManager em, Caller caller, long formId) {
    FormEntity form = em.find(FormEntity.class, formId);
    if (form == null) {
      throw new NotFoundException("form", formId);
    }
    boolean staff = caller.hasAny(Role.ADMIN, Role.CUSTOMER_SERVICE);
    boolean own = caller.companyId() != null && caller.companyId() == form.getCompanyId();
    boolean port =
        form.getStatus() != FormStatus.DRAFT
            && caller.roles().stream().anyMatch(Role::isPortRole)
            && Codes.ports(form.getAccessPorts()).stream().anyMatch(caller.ports()::contains);
    if (!staff && !own && !port) {
      throw new NotFoundException("form", formId);
    }
    return form;
  }

  private FormEntity writable(EntityManager em, Caller caller, long formId) {
    FormEntity form = em.find(FormEntity.class, formId);
    if (form == null || caller.companyId() == null || caller.companyId() != form.getCompanyId()) {
      throw new NotFoundException("form", formId);
    }
    return form;
  }

  private FormEntity draft(EntityManager em, Caller caller, long formId, long version) {
    FormEntity form = writable(em, caller, formId);
    if (form.getVersion() != version) {
      throw ConflictException.staleVersion("form " + formId, version, form.getVersion());
    }
    if (form.getStatus() != FormStatus.DRAFT) {
      throw new ConflictException(
          "not-a-draft",
          null,
          "form " + form.getNumber() + " is submitted; fix or cancel its lines instead",
          "not-a-draft",
          form.getNumber());
    }
    return form;
  }

  private LineEntity line(EntityManager em, Caller caller, long lineId) {
    LineEntity line = em.find(LineEntity.class, lineId);
    if (line == null
        || caller.companyId() == null
        || caller.companyId() != line.getForm().getCompanyId()) {
      throw new NotFoundException("line", lineId);
    }
    return line;
  }

  @Override
  public PortRequirements requirements(Caller caller, String port) {
    String code = ports.find(port).orElseThrow(() -> new NotFoundException("port", port)).code();
    ApplicationSettings current = settings;
    Map<PassType, Integer> maxDays = new EnumMap<>(PassType.class);
    maxDays.put(PassType.LONG_TERM, current.maxLongTermDays());
    maxDays.put(PassType.TEMPORARY, current.maxTemporaryDays());
    List<PortRequirements.RuleAttachment> attachments = new ArrayList<>();
    for (ReviewRule rule : rules.rules(code)) {
      try {
        rule.maxDays().forEach((type, days) -> maxDays.merge(type, days, Math::min));
        for (AttachmentRequirement requirement : rule.attachmentRequirements()) {
          attachments.add(new PortRequirements.RuleAttachment(rule.id(), requirement));
        }
      } catch (RuntimeException e) {
        // a rule that cannot describe itself still checks submissions; describe the others
        LOG.error("Review rule {} of port {} cannot describe its requirements", rule.id(), code, e);
      }
    }
    return new PortRequirements(
        code,
        maxDays,
        List.of(
            new PortRequirements.FrequencyLimit(
                PortRequirements.SUBMISSIONS_PER_COMPANY_PER_DAY,
                current.submissionsPerCompanyPerDay()),
            new PortRequirements.FrequencyLimit(
                PortRequirements.TEMPORARY_PASSES_PER_PERSON_PER_30_DAYS,
                current.temporaryPerPerson(code))),
        attachments);
  }

  /** Copies a draft's content; a draft may be incomplete, so only its shape is checked here. */
  private void fill(FormEntity form, FormInput input) {
    if (input == null) {
      throw ValidationException.of("form", "form-body-required", "a form body is required");
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> known = ports.codes();
    Set<String> accessPorts = new TreeSet<>();
    for (String port : input.accessPorts() == null ? Set.<String>of() : input.accessPorts()) {
      String code = port == null ? "" : port.strip().toUpperCase();
      if (!known.contains(code)) {
        errors.add(
            FieldError.of(
                "accessPorts",
                "unknown-port-known",
                "unknown port " + port + "; known: " + known,
                port,
                known));
      }
      accessPorts.add(code);
    }
    String pickup = input.pickupPort() == null ? null : input.pickupPort().strip().toUpperCase();
    if (pickup != null && !known.contains(pickup)) {
      errors.add(
          FieldError.of(
              "pickupPort",
              "unknown-port",
              "unknown port " + input.pickupPort(),
              input.pickupPort()));
    }
    if (input.purpose() != null && input.purpose().length() > 255) {
      errors.add(FieldError.of("purpose", "at-most-characters", "at most 255 characters", 255));
    }
    List<FormLineInput> lines = input.lines() == null ? List.of() : input.lines();
    if (lines.size() > Submissions.MAX_LINES) {
      errors.add(
          FieldError.of(
              "lines",
              "max-lines",
              "at most " + Submissions.MAX_LINES + " lines per form",
              Submissions.MAX_LINES));
    }
    tooManyAttachments("companyAttachmentIds", input.companyAttachmentIds(), errors);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i) != null) {
        tooManyAttachments("lines/" + i + "/attachmentIds", lines.get(i).attachmentIds(), errors);
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    form.setPassType(input.passType());
    form.setAccessPorts(Codes.join(accessPorts));
    form.setPickupPort(pickup);
    form.setPurpose(input.purpose() == null ? null : input.purpose().strip());
    form.setCompanyAttachments(Codes.join(Views.ids(input.companyAttachmentIds())));
    form.getLines().clear();
    int no = 1;
    for (FormLineInput in : lines) {
      LineEntity line = new LineEntity();
      line.setForm(form);
      line.setLineNo(no++);
      if (in != null) {
        line.setSubjectKind(in.subjectKind());
        line.setSubjectId(in.subjectId());
        line.setValidFrom(in.validFrom());
        line.setValidTo(in.validTo());
        line.setAttachmentIds(Codes.join(Views.ids(in.attachmentIds())));
      }
      line.setStatus(LineStatus.DRAFT);
      line.setAccessPorts(Codes.join(accessPorts));
      form.getLines().add(line);
    }
  }

  private static void tooManyAttachments(String field, List<Long> ids, List<FieldError> errors) {
    if (ids != null && ids.size() > Submissions.MAX_ATTACHMENTS) {
      errors.add(
          FieldError.of(
              field,
              "max-attachments",
              "at most " + Submissions.MAX_ATTACHMENTS + " attachments",
              Submissions.MAX_ATTACHMENTS));
    }
  }

  private static String lineCount(FormEntity form) {
    return form.getLines().size() + " line(s)";
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Taipei"));
  }

  static Date startOfToday() {
    return Date.from(
        today().atTime(LocalTime.MIDNIGHT).atZone(ZoneId.of("Asia/Taipei")).toInstant());
  }
}
