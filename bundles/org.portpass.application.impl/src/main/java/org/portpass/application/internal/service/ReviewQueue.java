package org.portpass.application.internal.service;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.portpass.application.LineStatus;
import org.portpass.application.ReviewDecision;
import org.portpass.application.ReviewTask;
import org.portpass.application.Stage;
import org.portpass.application.internal.entity.DecisionEntity;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.core.Caller;
import org.portpass.core.NotFoundException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.Role;
import org.portpass.storage.Transactions;

/** What reviewers read: a port's queue at a stage, and the decisions taken on a line. */
final class ReviewQueue {
  private final Transactions tx;

  ReviewQueue(Transactions tx) {
    this.tx = tx;
  }

  /** The tasks waiting at a port (already normalised) and stage, oldest submission first. */
  Page<ReviewTask> queue(String code, Stage stage, PageRequest page) {
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

  List<ReviewDecision> history(Caller caller, long lineId) {
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

  private static boolean mayRead(Caller caller, LineEntity line) {
    return caller.hasAny(Role.ADMIN, Role.CUSTOMER_SERVICE)
        || (caller.companyId() != null && caller.companyId() == line.getForm().getCompanyId())
        || (caller.roles().stream().anyMatch(Role::isPortRole)
            && line.getStatus() != LineStatus.DRAFT // drafts are the company's own business
            && Codes.ports(line.getAccessPorts()).stream().anyMatch(caller.ports()::contains));
  }
}
