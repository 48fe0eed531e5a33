package org.portpass.application.internal.service;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.portpass.application.ApplicationConflicts;
import org.portpass.application.Decision;
import org.portpass.application.DecisionResult;
import org.portpass.application.Finding;
import org.portpass.application.FormLine;
import org.portpass.application.LineFlow;
import org.portpass.application.LineRef;
import org.portpass.application.LineStatus;
import org.portpass.application.ReviewDecision;
import org.portpass.application.ReviewService;
import org.portpass.application.ReviewTask;
import org.portpass.application.RuleContext;
import org.portpass.application.Stage;
import org.portpass.application.internal.entity.DecisionEntity;
import org.portpass.application.internal.entity.FormEntity;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.application.internal.entity.PassEntity;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.PortCode;
import org.portpass.core.PortPassException;
import org.portpass.core.PortTime;
import org.portpass.core.Role;
import org.portpass.core.ValidationException;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ports' review of lines, stage by stage. Lines carry a version column: of two reviewers
 * deciding the same task one wins and the other is told the task is no longer open. A decision at
 * another port meanwhile is not a conflict: the decision is simply evaluated again.
 */
@Component
public class ReviewServiceImpl implements ReviewService {
  private static final Logger LOG = LoggerFactory.getLogger(ReviewServiceImpl.class);
  private static final int ATTEMPTS = 5;

  private final Transactions tx;
  private final EventAdmin events;
  private final RuleRegistry rules;
  private final PortTime time;

  @Activate
  public ReviewServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-application)") JpaTemplate jpa,
      @Reference(target = ApplicationSchema.READY) SchemaReady schema,
      @Reference EventAdmin events,
      @Reference RuleRegistry rules,
      @Reference PortTime time) {
    this.tx = new Transactions(jpa);
    this.events = events;
    this.rules = rules;
    this.time = time;
    int backfilled = tx.write(ReviewTasks::backfill, n -> n);
    if (backfilled > 0) {
      LOG.info("{} lines in review were given their review tasks", backfilled);
    }
  }

  @Override
  public Page<ReviewTask> queue(Caller caller, String port, Stage stage, PageRequest page) {
    String code = requireReviewer(caller, port, stage);
    return tx.read(
        em -> {
          List<LineEntity> lines = ReviewTasks.page(em, code, stage, page.offset(), page.size());
          Map<Long, List<ReviewDecision>> history = history(em, lines);
          List<ReviewTask> tasks =
              lines.stream()
                  .map(l -> task(l, code, stage, history.getOrDefault(l.getId(), List.of())))
                  .toList();
          return new Page<>(tasks, page.page(), page.size(), ReviewTasks.count(em, code, stage));
        });
  }

  @Override
  public FormLine decide(
      Caller caller,
      long lineId,
      String port,
      Stage stage,
      Decision decision,
      String reason,
      int expectedRevision) {
    String code = requireReviewer(caller, port, stage);
    if (decision == null || !decision.isReview()) {
      throw ValidationException.of("decision", "approve-or-reject", "must be APPROVE or REJECT");
    }
    for (int attempt = 1; ; attempt++) {
      try {
        Outcome outcome =
            tx.write(
                em -> apply(em, caller, lineId, code, stage, decision, reason, expectedRevision),
                o -> o);
        if (outcome.pass() != null) {
          events.postEvent(PassIssuing.issued(outcome.pass()));
        }
        return outcome.line();
      } catch (ConflictException e) {
        // another port decided this line meanwhile: evaluate again on the new state
        if (!ConflictException.STALE_VERSION.equals(e.code()) || attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  @Override
  public List<DecisionResult> decideMany(
      Caller caller,
      String port,
      Stage stage,
      Decision decision,
      String reason,
      List<LineRef> lines) {
    requireReviewer(caller, port, stage);
    if (lines == null || lines.isEmpty()) {
      throw ValidationException.of("lines", "choose-line", "choose at least one line");
    }
    // What is wrong with the request itself refuses it whole, as for one line (400); what depends
    // on a line's state (gone, decided, resubmitted) is that line's result.
    if (decision == Decision.REJECT && (reason == null || reason.isBlank())) {
      throw ValidationException.of(
          "reason",
          "reject-needs-reason",
          "is required to reject a line; tell the company what to fix");
    }
    List<DecisionResult> results = new ArrayList<>();
    for (LineRef ref : lines) {
      try {
        results.add(
            new DecisionResult(
                ref.lineId(),
                decide(caller, ref.lineId(), port, stage, decision, reason, ref.revision()),
                null,
                null));
      } catch (PortPassException e) {
        results.add(new DecisionResult(ref.lineId(), null, e.code(), e.getMessage()));
      }
    }
    return results;
  }

  @Override
  public List<ReviewDecision> history(Caller caller, long lineId) {
    return tx.read(
        em -> {
          LineEntity line = em.find(LineEntity.class, lineId);
          if (line == null || !mayRead(caller, line)) {
            throw new NotFoundException("line", lineId);
          }
          return em
              .createQuery(
                  "SELECT d FROM DecisionEntity d WHERE d.lineId = :id ORDER BY d.id",
                  DecisionEntity.class)
              .setParameter("id", lineId)
              .getResultList()
              .stream()
              .map(Views::decision)
              .toList();
        });
  }

  private record Outcome(FormLine line, PassEntity pass) {}

  private Outcome apply(
      EntityManager em,
      Caller caller,
      long lineId,
      String port,
      Stage stage,
      Decision decision,
      String reason,
      int expectedRevision) {
    LineEntity line = em.find(LineEntity.class, lineId);
    if (line == null
        || line.getStatus() == LineStatus.DRAFT
        || !Codes.ports(line.getAccessPorts()).contains(port)) {
      throw new NotFoundException("line", lineId);
    }
    checkRevision(line, expectedRevision);
    LineFlow flow = Views.flow(line);
    LineFlow next =
        decision == Decision.APPROVE ? flow.approve(port, stage) : flow.reject(port, stage, reason);
    Views.apply(line, next);
    if (next.status() != flow.status()) {
      next.currentStage().ifPresent(entered -> addStageFindings(line, entered));
    }
    DecisionEntity d = record(em, caller, line, port, stage, decision, reason);
    PassEntity pass = null;
    if (next.status() == LineStatus.PRODUCTION) {
      pass = PassIssuing.issue(em, line, time.today());
    }
    em.flush(); // the version check happens here: a concurrent decision makes this one a conflict
    ReviewTasks.sync(em, line); // after it, so the loser meets a stale version, not a task row
    AuditTrail.append(
        em,
        caller,
        "line." + decision.name().toLowerCase(),
        "line",
        String.valueOf(lineId),
        flow.status() + " " + flow.approvals(),
        next.status()
            + " "
            + next.approvals()
            + " by "
            + port
            + "/"
            + stage
            + (pass == null ? "" : ", pass " + pass.getNumber())
            + (d.getReason() == null ? "" : ", reason: " + d.getReason()));
    return new Outcome(Views.line(line), pass);
  }

  /** The reviewer decides on the revision the queue showed, not on one sent since. */
  private static void checkRevision(LineEntity line, int expectedRevision) {
    if (expectedRevision >= 0 && expectedRevision < line.getRevision()) {
      throw new ConflictException(
          ApplicationConflicts.RESUBMITTED,
          "revision",
          "the line was resubmitted (revision " + line.getRevision() + "); review it again",
          "resubmitted",
          String.valueOf(line.getRevision()));
    }
    if (expectedRevision != line.getRevision()) {
      throw new ConflictException(
          ApplicationConflicts.UNKNOWN_REVISION,
          "revision",
          "the line has no revision "
              + expectedRevision
              + " (it is at revision "
              + line.getRevision()
              + "); decide on the revision the queue shows",
          "unknown-revision",
          String.valueOf(expectedRevision),
          String.valueOf(line.getRevision()));
    }
  }

  private static DecisionEntity record(
      EntityManager em,
      Caller caller,
      LineEntity line,
      String port,
      Stage stage,
      Decision decision,
      String reason) {
    DecisionEntity d = new DecisionEntity();
    d.setLineId(line.getId());
    d.setPort(port);
    d.setStage(stage);
    d.setDecision(decision);
    d.setReason(decision == Decision.REJECT ? reason.strip() : null);
    d.setRevision(line.getRevision());
    d.setDecidedBy(caller.username());
    d.setDecidedAt(new Date());
    em.persist(d);
    return d;
  }

  /** The ports' rules look at the line again as it enters a stage; what they find is kept. */
  private void addStageFindings(LineEntity line, Stage stage) {
    FormEntity form = line.getForm();
    List<Finding> findings = new ArrayList<>(LineStorage.decode(line.getFindings()));
    for (String port : Codes.ports(line.getAccessPorts())) {
      findings.addAll(
          rules.atStage(
              new RuleContext(
                  port,
                  time.today(),
                  form.getPassType(),
                  Codes.ports(form.getAccessPorts()),
                  form.getPickupPort(),
                  line.getSubjectKind(),
                  line.getValidFrom(),
                  line.getValidTo(),
                  LineStorage.decodeAttachments(line.getAttachmentSnapshot()),
                  null, // not kept with the line; the submission's rules saw it
                  null),
              stage));
    }
    line.setFindings(LineStorage.encode(findings));
  }

  /** The decisions on the lines, oldest first, read with one query for the whole page. */
  private static Map<Long, List<ReviewDecision>> history(EntityManager em, List<LineEntity> lines) {
    if (lines.isEmpty()) {
      return Map.of();
    }
    return em
        .createQuery(
            "SELECT d FROM DecisionEntity d WHERE d.lineId IN :ids ORDER BY d.id",
            DecisionEntity.class)
        .setParameter("ids", lines.stream().map(LineEntity::getId).toList())
        .getResultList()
        .stream()
        .collect(
            Collectors.groupingBy(
                DecisionEntity::getLineId,
                Collectors.mapping(Views::decision, Collectors.toList())));
  }

  private static ReviewTask task(
      LineEntity l, String port, Stage stage, List<ReviewDecision> history) {
    return new ReviewTask(
        l.getId(),
        l.getForm().getId(),
        l.getForm().getNumber(),
        l.getForm().getCompanyId(),
        port,
        stage,
        l.getSubjectKind(),
        l.getSubjectLabel(),
        l.getRevision(),
        l.getSubjectSnapshot(),
        LineStorage.decodeAttachments(l.getAttachmentSnapshot()),
        LineStorage.decode(l.getFindings()),
        history);
  }

  /** The stage's role for the port (administrators may act for any port). */
  private static String requireReviewer(Caller caller, String port, Stage stage) {
    if (stage == null) {
      throw ValidationException.of("stage", "stage-values", "must be REVIEW, POLICE or SUPERVISOR");
    }
    String code = PortCode.normalise(port);
    if (!caller.actsAt(stage.role(), code)) {
      throw ForbiddenException.needsRoleAt(
          "deciding "
              + stage
              + " at "
              + code
              + " needs the "
              + stage.role()
              + " role for that port",
          stage.role(),
          code);
    }
    return code;
  }

  private static boolean mayRead(Caller caller, LineEntity line) {
    return caller.hasAny(Role.ADMIN, Role.CUSTOMER_SERVICE)
        || (caller.companyId() != null && caller.companyId() == line.getForm().getCompanyId())
        || (caller.roles().stream().anyMatch(Role::isPortRole)
            && line.getStatus() != LineStatus.DRAFT // drafts are the company's own business
            && Codes.ports(line.getAccessPorts()).stream().anyMatch(caller.ports()::contains));
  }
}
