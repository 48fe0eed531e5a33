package org.portpass.application.internal.service;

import static org.portpass.application.internal.service.FormAccess.line;
import static org.portpass.application.internal.service.FormAccess.readable;
import static org.portpass.application.internal.service.FormAccess.requireCompanyWriter;
import static org.portpass.application.internal.service.FormAccess.writable;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.portpass.application.ApplicationConflicts;
import org.portpass.application.ApplicationForm;
import org.portpass.application.ApplicationLimits;
import org.portpass.application.ApplicationService;
import org.portpass.application.AttachmentRequirement;
import org.portpass.application.Decision;
import org.portpass.application.FormInput;
import org.portpass.application.FormLine;
import org.portpass.application.FormLineInput;
import org.portpass.application.FormQuery;
import org.portpass.application.FormStatus;
import org.portpass.application.FormSummary;
import org.portpass.application.LineStatus;
import org.portpass.application.PassType;
import org.portpass.application.PortRequirements;
import org.portpass.application.ReviewRule;
import org.portpass.application.internal.entity.FormEntity;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.PortDirectory;
import org.portpass.core.PortTime;
import org.portpass.core.Role;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.PagedQuery;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Application forms: the draft box ({@link DraftBox}), submission with every check at once ({@link
 * FormSubmission}), and the company's own steps on lines (resubmit, cancel). Reviewers' decisions
 * are in {@link ReviewServiceImpl}.
 */
@Component(configurationPid = ApplicationLimits.PID)
@Designate(ocd = ApplicationConfig.class)
public class ApplicationServiceImpl implements ApplicationService {
  private static final Logger LOG = LoggerFactory.getLogger(ApplicationServiceImpl.class);

  private final Transactions tx;
  private final PortDirectory ports;
  private final RuleRegistry rules;
  private final DraftBox drafts;
  private final FormSubmission submission;
  private volatile ApplicationSettings settings;

  @Activate
  public ApplicationServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-application)") JpaTemplate jpa,
      @Reference(target = ApplicationSchema.READY) SchemaReady schema,
      @Reference Submissions submissions,
      @Reference PortDirectory ports,
      @Reference RuleRegistry rules,
      @Reference PortTime time,
      Map<String, Object> properties) {
    this.tx = new Transactions(jpa);
    this.ports = ports;
    this.rules = rules;
    this.drafts = new DraftBox(tx, ports);
    this.submission = new FormSubmission(tx, submissions, time);
    modified(properties);
  }

  @Modified
  void modified(Map<String, Object> properties) {
    settings = ApplicationSettings.of(properties);
  }

  @Override
  public ApplicationForm saveDraft(Caller caller, FormInput input) {
    return drafts.saveDraft(caller, input);
  }

  @Override
  public ApplicationForm updateDraft(Caller caller, long formId, FormInput input, long version) {
    return drafts.updateDraft(caller, formId, input, version);
  }

  @Override
  public void deleteDraft(Caller caller, long formId, long version) {
    drafts.deleteDraft(caller, formId, version);
  }

  @Override
  public ApplicationForm submit(Caller caller, long formId, String idempotencyKey) {
    return submission.submit(caller, formId, idempotencyKey, settings);
  }

  @Override
  public FormLine resubmitLine(Caller caller, long lineId, FormLineInput input) {
    return submission.resubmitLine(caller, lineId, input, settings);
  }

  @Override
  public ApplicationLimits limits(Caller caller) {
    return settings.limits(ports.codes());
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
                ApplicationConflicts.DRAFT,
                null,
                "a draft is deleted, not cancelled",
                "draft-not-cancelled");
          }
          List<LineEntity> open =
              form.getLines().stream().filter(l -> l.getStatus().isCancellable()).toList();
          if (open.isEmpty()) {
            throw new ConflictException(
                ApplicationConflicts.NOTHING_TO_CANCEL,
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
    em.flush();
    ReviewTasks.sync(em, line);
    LineStorage.record(em, caller, line, Decision.CANCEL, null);
    AuditTrail.append(
        em,
        caller,
        "line.cancel",
        "line",
        String.valueOf(line.getId()),
        null,
        LineStatus.CANCELLED.name());
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
}
