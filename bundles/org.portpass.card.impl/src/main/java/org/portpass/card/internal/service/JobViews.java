package org.portpass.card.internal.service;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.persistence.EntityManager;
import org.portpass.card.CardJob;
import org.portpass.card.internal.entity.AttemptEntity;
import org.portpass.card.internal.entity.CardEntity;
import org.portpass.card.internal.entity.CardJobEntity;

/** Card jobs and cards as card.api shows them: never entities outside this bundle. */
final class JobViews {
  private JobViews() {}

  /** The job with all its attempts and cards, oldest first. */
  static CardJob view(EntityManager em, CardJobEntity job) {
    List<CardJob.Attempt> attempts =
        em
            .createQuery(
                "SELECT a FROM AttemptEntity a WHERE a.jobId = :job ORDER BY a.id",
                AttemptEntity.class)
            .setParameter("job", job.getId())
            .getResultList()
            .stream()
            .map(JobViews::attempt)
            .toList();
    List<CardJob.Card> cards =
        em
            .createQuery(
                "SELECT c FROM CardEntity c WHERE c.jobId = :job ORDER BY c.createdAt",
                CardEntity.class)
            .setParameter("job", job.getId())
            .getResultList()
            .stream()
            .map(JobViews::card)
            .toList();
    return new CardJob(
        job.getId(),
        job.getPassNumber(),
        job.getPort(),
        job.getGeneration(),
        job.getStatus(),
        job.getFailedStep(),
        job.getActiveStep(),
        job.getDesk(),
        job.getCardSerial(),
        job.getLastError(),
        instant(job.getCreatedAt()),
        instant(job.getUpdatedAt()),
        job.getVersion(),
        attempts,
        cards);
  }

  static CardJob.Card card(CardEntity c) {
    return new CardJob.Card(
        c.getSerial(),
        c.getPassNumber(),
        c.getStatus(),
        c.getChipUid(),
        c.getVoidReason(),
        c.getCollectedBy(),
        instant(c.getCollectedAt()),
        instant(c.getCreatedAt()));
  }

  private static CardJob.Attempt attempt(AttemptEntity a) {
    return new CardJob.Attempt(
        a.getId(),
        a.getStep(),
        a.getCardSerial(),
        a.getDesk(),
        a.getDevice(),
        instant(a.getStartedAt()),
        instant(a.getFinishedAt()),
        a.getOutcome(),
        a.getFault() == null ? null : a.getFault().name(),
        a.getMessage());
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
