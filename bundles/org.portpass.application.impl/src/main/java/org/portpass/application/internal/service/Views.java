package org.portpass.application.internal.service;

import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.portpass.application.ApplicationForm;
import org.portpass.application.FormLine;
import org.portpass.application.FormStatus;
import org.portpass.application.FormSummary;
import org.portpass.application.LineFlow;
import org.portpass.application.LineStatus;
import org.portpass.application.ReviewDecision;
import org.portpass.application.internal.entity.DecisionEntity;
import org.portpass.application.internal.entity.FormEntity;
import org.portpass.application.internal.entity.LineEntity;

/** Entities never leave this bundle: services return these views. */
final class Views {
  private Views() {}

  static LineFlow flow(LineEntity line) {
    return LineFlow.restore(
        line.getStatus(),
        Codes.ports(line.getAccessPorts()),
        Codes.ports(line.getApprovals()),
        line.getRevision(),
        line.getLastReason());
  }

  /** Stores a flow's state on its line. */
  static void apply(LineEntity line, LineFlow flow) {
    line.setStatus(flow.status());
    line.setApprovals(Codes.join(flow.approvals()));
    line.setRevision(flow.revision());
    line.setLastReason(flow.lastReason().orElse(null));
  }

  static FormLine line(LineEntity e) {
    Set<String> pending = e.getStatus().stage().isPresent() ? flow(e).pendingPorts() : Set.of();
    return new FormLine(
        e.getId(),
        e.getLineNo(),
        e.getSubjectKind(),
        e.getSubjectId() == null ? 0 : e.getSubjectId(),
        e.getSubjectLabel(),
        e.getValidFrom(),
        e.getValidTo(),
        Codes.ids(e.getAttachmentIds()),
        e.getStatus(),
        pending,
        e.getRevision(),
        e.getLastReason(),
        e.getPassNumber(),
        null);
  }

  static ApplicationForm form(FormEntity e) {
    return new ApplicationForm(
        e.getId(),
        e.getNumber(),
        e.getCompanyId(),
        e.getPassType(),
        Codes.ports(e.getAccessPorts()),
        e.getPickupPort(),
        e.getPurpose(),
        Codes.ids(e.getCompanyAttachments()),
        status(e),
        e.getLines().stream().map(Views::line).toList(),
        e.getVersion(),
        instant(e.getCreatedAt()),
        instant(e.getSubmittedAt()));
  }

  static FormSummary summary(FormEntity e) {
    Map<LineStatus, Integer> counts = new EnumMap<>(LineStatus.class);
    for (LineEntity line : e.getLines()) {
      counts.merge(line.getStatus(), 1, Integer::sum);
    }
    return new FormSummary(
        e.getId(),
        e.getNumber(),
        e.getCompanyId(),
        e.getPassType(),
        Codes.ports(e.getAccessPorts()),
        e.getPickupPort(),
        status(e),
        e.getLines().size(),
        counts,
        e.getVersion(),
        instant(e.getCreatedAt()),
        instant(e.getSubmittedAt()));
  }

  /** A submitted form is finished once every line is picked up or cancelled. */
  static FormStatus status(FormEntity e) {
    if (e.getStatus() == FormStatus.SUBMITTED
        && !e.getLines().isEmpty()
        && e.getLines().stream().allMatch(l -> l.getStatus().isFinal())) {
      return FormStatus.FINISHED;
    }
    return e.getStatus();
  }

  static ReviewDecision decision(DecisionEntity d) {
    return new ReviewDecision(
        d.getLineId(),
        d.getPort(),
        d.getStage(),
        d.getDecision(),
        d.getReason(),
        d.getRevision(),
        d.getDecidedBy(),
        instant(d.getDecidedAt()));
  }

  static List<Long> ids(List<Long> ids) {
    return ids == null ? List.of() : ids;
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
