package org.portpass.card.internal.service;

import java.util.Date;
import java.util.List;
import javax.persistence.EntityManager;
import org.portpass.card.AttemptOutcome;
import org.portpass.card.CardConflicts;
import org.portpass.card.CardJobFlow;
import org.portpass.card.CardJobStatus;
import org.portpass.card.CardStatus;
import org.portpass.card.internal.entity.AttemptEntity;
import org.portpass.card.internal.entity.CardEntity;
import org.portpass.card.internal.entity.CardJobEntity;
import org.portpass.card.internal.entity.CardVoidEntity;
import org.portpass.core.ConflictException;
import org.portpass.core.NotFoundException;
import org.portpass.core.Texts;

/**
 * The card job, card and attempt rows as every part of card production finds and changes them,
 * inside the caller's transaction.
 */
final class CardRecords {
  private CardRecords() {}

  static CardJobEntity newJob(String number, String port, int generation) {
    CardJobEntity job = new CardJobEntity();
    job.setPassNumber(number);
    job.setOpenPassNumber(number);
    job.setPort(port);
    job.setGeneration(generation);
    job.setStatus(CardJobStatus.QUEUED);
    job.setCreatedAt(new Date());
    job.setUpdatedAt(job.getCreatedAt());
    return job;
  }

  static CardJobEntity findJob(EntityManager em, long id) {
    CardJobEntity job = em.find(CardJobEntity.class, id);
    if (job == null) {
      throw new NotFoundException("card job", id);
    }
    return job;
  }

  /** The pass's job that is not done or cancelled yet (the database allows one). */
  static List<CardJobEntity> openJobs(EntityManager em, String number) {
    return em.createQuery(
            "SELECT j FROM CardJobEntity j WHERE j.openPassNumber = :n", CardJobEntity.class)
        .setParameter("n", number)
        .getResultList();
  }

  static CardJobFlow flow(CardJobEntity job) {
    return new CardJobFlow(job.getStatus(), job.getFailedStep());
  }

  static void apply(CardJobEntity job, CardJobFlow flow) {
    job.setStatus(flow.status());
    job.setFailedStep(flow.failedStep());
    job.setOpenPassNumber(flow.status().isFinal() ? null : job.getPassNumber());
    job.setUpdatedAt(new Date());
  }

  static CardEntity findCard(EntityManager em, CardJobEntity job) {
    CardEntity card =
        job.getCardSerial() == null ? null : em.find(CardEntity.class, job.getCardSerial());
    if (card == null) {
      throw new ConflictException(
          CardConflicts.NO_CARD, "cardSerial", "the job has no card to work on", "job-no-card");
    }
    return card;
  }

  /** Voids the job's current card, if it has one, and leaves the job without a card. */
  static void voidCurrentCard(EntityManager em, CardJobEntity job, String reason) {
    if (job.getCardSerial() != null) {
      CardEntity card = em.find(CardEntity.class, job.getCardSerial());
      if (card != null && card.getStatus() != CardStatus.VOID) {
        voidCard(em, card, reason);
      }
      job.setCardSerial(null);
    }
  }

  /**
   * Voids a card, and queues it for the revocation list in the same transaction (the list reads the
   * queue, never the card table, so it takes none of the desks' locks).
   */
  static void voidCard(EntityManager em, CardEntity card, String reason) {
    card.setStatus(CardStatus.VOID);
    card.setLivePassNumber(null);
    card.setVoidReason(Texts.cut(reason, 1000));
    // an entity, not a native INSERT: a native statement would flush the card's change early,
    // out of the unit of work's order, and racing desks would deadlock on Derby
    CardVoidEntity queued = new CardVoidEntity();
    queued.setSerial(card.getSerial());
    queued.setVoidedAt(new Date());
    em.persist(queued);
  }

  /** The job's attempt that a desk began and has not reported, or null. */
  static AttemptEntity openAttempt(EntityManager em, CardJobEntity job) {
    return em
        .createQuery(
            "SELECT a FROM AttemptEntity a WHERE a.jobId = :job AND a.outcome IS NULL",
            AttemptEntity.class)
        .setParameter("job", job.getId())
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }

  static void closeOpenAttempt(
      EntityManager em, CardJobEntity job, AttemptOutcome outcome, String message) {
    AttemptEntity open = openAttempt(em, job);
    if (open != null) {
      open.setOutcome(outcome);
      open.setFinishedAt(new Date());
      open.setMessage(message);
    }
    job.setActiveStep(null);
  }
}
