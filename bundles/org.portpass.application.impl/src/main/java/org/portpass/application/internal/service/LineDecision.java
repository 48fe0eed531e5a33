package org.portpass.application.internal.service;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.persistence.EntityManager;
import org.portpass.application.ApplicationConflicts;
import org.portpass.application.Decision;
import org.portpass.application.Finding;
import org.portpass.application.FormLine;
import org.portpass.application.LineFlow;
import org.portpass.application.LineStatus;
import org.portpass.application.RuleContext;
import org.portpass.application.Stage;
import org.portpass.application.internal.entity.DecisionEntity;
import org.portpass.application.internal.entity.FormEntity;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.application.internal.entity.PassEntity;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.NotFoundException;
import org.portpass.core.PortTime;
import org.portpass.storage.AuditTrail;

/**
 * One reviewer's decision on one line, at one port and stage, inside the caller's transaction: the
 * revision check, the line's next state, the stage's rule findings, the decision row, the pass when
 * the last approval sends the line to production, the review tasks and the audit entry.
 */
final class LineDecision {
  /** The decided line, and the pass issued by this decision (or null). */
  record Outcome(FormLine line, PassEntity pass) {}

  private final RuleRegistry rules;
  private final PortTime time;

  LineDecision(RuleRegistry rules, PortTime time) {
    this.rules = rules;
    this.time = time;
  }

  Outcome apply(
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
    audit(em, caller, line, flow, next, d, pass);
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

  private static void audit(
      EntityManager em,
      Caller caller,
      LineEntity line,
      LineFlow before,
      LineFlow after,
      DecisionEntity d,
      PassEntity pass) {
    AuditTrail.append(
        em,
        caller,
        "line." + d.getDecision().name().toLowerCase(),
        "line",
        String.valueOf(line.getId()),
        before.status() + " " + before.approvals(),
        after.status()
            + " "
            + after.approvals()
            + " by "
            + d.getPort()
            + "/"
            + d.getStage()
            + (pass == null ? "" : ", pass " + pass.getNumber())
            + (d.getReason() == null ? "" : ", reason: " + d.getReason()));
  }
}
