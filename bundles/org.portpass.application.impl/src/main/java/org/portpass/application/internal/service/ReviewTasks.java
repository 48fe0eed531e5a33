package org.portpass.application.internal.service;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.portpass.application.LineFlow;
import org.portpass.application.LineStatus;
import org.portpass.application.Stage;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.application.internal.entity.ReviewTaskEntity;

/**
 * The open review tasks, kept in step with the lines: after every change of a line's state its
 * tasks are exactly the ports still pending at its stage ({@link LineFlow#pendingPorts}).
 */
final class ReviewTasks {
  private static final List<LineStatus> IN_REVIEW =
      List.of(LineStatus.REVIEW, LineStatus.POLICE, LineStatus.SUPERVISOR);

  private ReviewTasks() {}

  /**
   * Replaces the line's tasks by those of its current state. Call it after the line's change was
   * flushed: the line's version check then comes first, so of two decisions at once the loser meets
   * a stale version rather than the winner's task rows.
   */
  static void sync(EntityManager em, LineEntity line) {
    em.createQuery("DELETE FROM ReviewTaskEntity t WHERE t.lineId = :line")
        .setParameter("line", line.getId())
        .executeUpdate();
    open(em, line);
  }

  /** The tasks of a line that has none yet (one just submitted). */
  static void open(EntityManager em, LineEntity line) {
    LineFlow flow = Views.flow(line);
    Stage stage = flow.currentStage().orElse(null);
    if (stage != null) {
      for (String port : flow.pendingPorts()) {
        em.persist(new ReviewTaskEntity(line, port, stage));
      }
    }
  }

  /** A page of a port's queue at a stage, oldest submission first. */
  static List<LineEntity> page(EntityManager em, String port, Stage stage, int offset, int size) {
    List<Long> ids =
        em.createQuery(
                "SELECT t.lineId FROM ReviewTaskEntity t WHERE t.port = :port AND t.stage = :stage"
                    + " ORDER BY t.submittedAt, t.formId, t.lineNo",
                Long.class)
            .setParameter("port", port)
            .setParameter("stage", stage)
            .setFirstResult(offset)
            .setMaxResults(size)
            .getResultList();
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, LineEntity> lines =
        em
            .createQuery("SELECT l FROM LineEntity l WHERE l.id IN :ids", LineEntity.class)
            .setParameter("ids", ids)
            .getResultList()
            .stream()
            .collect(Collectors.toMap(LineEntity::getId, Function.identity()));
    return ids.stream().map(lines::get).toList();
  }

  static long count(EntityManager em, String port, Stage stage) {
    return em.createQuery(
            "SELECT COUNT(t) FROM ReviewTaskEntity t WHERE t.port = :port AND t.stage = :stage",
            Long.class)
        .setParameter("port", port)
        .setParameter("stage", stage)
        .getSingleResult();
  }

  /**
   * Gives the lines in review that have no tasks theirs: lines of a version that kept no tasks. A
   * line in review always has a port pending, so a line without tasks has never had them.
   */
  static int backfill(EntityManager em) {
    List<LineEntity> missing =
        em.createQuery(
                "SELECT l FROM LineEntity l WHERE l.status IN :review AND NOT EXISTS"
                    + " (SELECT t FROM ReviewTaskEntity t WHERE t.lineId = l.id)",
                LineEntity.class)
            .setParameter("review", IN_REVIEW)
            .getResultList();
    missing.forEach(line -> sync(em, line));
    return missing.size();
  }
}
