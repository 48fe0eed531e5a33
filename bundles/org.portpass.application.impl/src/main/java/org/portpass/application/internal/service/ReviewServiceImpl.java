package org.portpass.application.internal.service;

import java.util.ArrayList;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.portpass.application.Decision;
import org.portpass.application.DecisionResult;
import org.portpass.application.FormLine;
import org.portpass.application.LineRef;
import org.portpass.application.ReviewDecision;
import org.portpass.application.ReviewService;
import org.portpass.application.ReviewTask;
import org.portpass.application.Stage;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.ForbiddenException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.PortCode;
import org.portpass.core.PortPassException;
import org.portpass.core.PortTime;
import org.portpass.core.ValidationException;
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
  private final ReviewQueue queue;
  private final LineDecision decisions;

  @Activate
  public ReviewServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-application)") JpaTemplate jpa,
      @Reference(target = ApplicationSchema.READY) SchemaReady schema,
      @Reference EventAdmin events,
      @Reference RuleRegistry rules,
      @Reference PortTime time) {
    this.tx = new Transactions(jpa);
    this.events = events;
    this.queue = new ReviewQueue(tx);
    this.decisions = new LineDecision(rules, time);
    int backfilled = tx.write(ReviewTasks::backfill, n -> n);
    if (backfilled > 0) {
      LOG.info("{} lines in review were given their review tasks", backfilled);
    }
  }

  @Override
  public Page<ReviewTask> queue(Caller caller, String port, Stage stage, PageRequest page) {
    return queue.queue(requireReviewer(caller, port, stage), stage, page);
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
        LineDecision.Outcome outcome =
            tx.write(
                em ->
                    decisions.apply(
                        em, caller, lineId, code, stage, decision, reason, expectedRevision),
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
    return queue.history(caller, lineId);
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
}
