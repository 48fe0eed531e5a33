package org.portpass.card.internal.service;

import static org.portpass.card.internal.service.CardAccess.requireDesk;
import static org.portpass.card.internal.service.CardAccess.requireDeskRole;
import static org.portpass.card.internal.service.CardRecords.findJob;
import static org.portpass.card.internal.service.CardRecords.flow;

import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.persistence.EntityManager;
import org.portpass.application.Pass;
import org.portpass.application.PassService;
import org.portpass.application.PassStatus;
import org.portpass.card.AttemptOutcome;
import org.portpass.card.CardConflicts;
import org.portpass.card.CardJob;
import org.portpass.card.CardJobFlow;
import org.portpass.card.CardJobStatus;
import org.portpass.card.CardStatus;
import org.portpass.card.internal.entity.CardEntity;
import org.portpass.card.internal.entity.CardJobEntity;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.ForbiddenException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.Role;
import org.portpass.core.Texts;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.PagedQuery;
import org.portpass.storage.Transactions;

/**
 * The operators' side of card production: the port's queue, retrying a failed step, voiding a card,
 * the card face, handing a card over at pickup and replacing a lost one. Each change is audited.
 */
final class CardOperations {
  private final Transactions tx;
  private final PassService passes;
  private final CardFaces faces;
  private final PassCodeKeys keys;

  CardOperations(Transactions tx, PassService passes, CardFaces faces, PassCodeKeys keys) {
    this.tx = tx;
    this.passes = passes;
    this.faces = faces;
    this.keys = keys;
  }

  Page<CardJob> queue(Caller caller, String port, CardJobStatus status, PageRequest page) {
    String code = requireDesk(caller, port);
    return tx.read(
        em ->
            PagedQuery.of(CardJobEntity.class)
                .where("e.port = :port", "port", code)
                .whereGiven("e.status = :status", "status", status)
                .page(em, "e.id", page, j -> JobViews.view(em, j)));
  }

  CardJob job(Caller caller, long jobId) {
    requireDeskRole(caller);
    return tx.read(
        em -> {
          CardJobEntity job = findJob(em, jobId);
          requireDesk(caller, job.getPort());
          return JobViews.view(em, job);
        });
  }

  List<CardJob> jobsOfPass(Caller caller, String passNumber) {
    Pass pass = passes.get(caller, passNumber); // the caller must be allowed to see the pass
    return tx.read(
        em ->
            em
                .createQuery(
                    "SELECT j FROM CardJobEntity j WHERE j.passNumber = :n ORDER BY j.id DESC",
                    CardJobEntity.class)
                .setParameter("n", pass.number())
                .getResultList()
                .stream()
                .map(j -> JobViews.view(em, j))
                .toList());
  }

  CardJob retry(Caller caller, long jobId) {
    return operate(
        caller,
        jobId,
        "card-job.retried",
        (em, job) -> {
          CardRecords.apply(job, flow(job).retry());
          job.setLastError(null);
          return "retry " + job.getStatus();
        });
  }

  CardJob voidCard(Caller caller, long jobId, String reason) {
    String why = requireReason(reason);
    return operate(
        caller,
        jobId,
        "card-job.card-voided",
        (em, job) -> {
          CardJobFlow next = flow(job).voidCard();
          String serial = job.getCardSerial();
          CardRecords.closeOpenAttempt(em, job, AttemptOutcome.INTERRUPTED, "the card was voided");
          CardRecords.voidCurrentCard(em, job, why);
          CardRecords.apply(job, next);
          return "voided " + serial + ": " + why;
        });
  }

  @FunctionalInterface
  private interface Operation {
    /** Changes the job; returns what the audit trail records as its state after. */
    String apply(EntityManager em, CardJobEntity job);
  }

  private CardJob operate(Caller caller, long jobId, String action, Operation operation) {
    requireDeskRole(caller);
    return tx.write(
        em -> {
          CardJobEntity job = findJob(em, jobId);
          requireDesk(caller, job.getPort());
          String before = job.getStatus().name();
          String after = operation.apply(em, job);
          job.setUpdatedAt(new Date());
          em.flush();
          AuditTrail.append(em, caller, action, "card-job", "" + jobId, before, after);
          return JobViews.view(em, job);
        },
        UnaryOperator.identity());
  }

  byte[] face(Caller caller, String passNumber, String format) {
    Pass pass = passes.get(caller, passNumber);
    // the face carries a signed pass code that gates accept: only card production gets it
    requireDesk(caller, pass.pickupPort());
    CardEntity newest =
        tx.read(
            em ->
                em
                    .createQuery(
                        "SELECT c FROM CardEntity c WHERE c.passNumber = :n ORDER BY c.createdAt DESC",
                        CardEntity.class)
                    .setParameter("n", pass.number())
                    .setMaxResults(1)
                    .getResultList()
                    .stream()
                    .findFirst()
                    .orElse(null));
    String serial = newest == null ? "PREVIEW" : newest.getSerial();
    String code = newest == null ? keys.sign(pass, serial) : newest.getPassCode();
    return faces.image(pass, serial, code, format);
  }

  CardJob.Card pickUp(Caller caller, String passNumber, String collectedBy) {
    Pass pass = passes.get(caller, passNumber);
    requireDesk(caller, pass.pickupPort());
    String number = pass.number();
    CardEntity ready =
        tx.read(
            em ->
                em
                    .createQuery(
                        "SELECT c FROM CardEntity c WHERE c.passNumber = :n AND c.status = :live"
                            + " AND c.collectedAt IS NULL",
                        CardEntity.class)
                    .setParameter("n", number)
                    .setParameter("live", CardStatus.LIVE)
                    .getResultList()
                    .stream()
                    .findFirst()
                    .orElseThrow(
                        () ->
                            new ConflictException(
                                CardConflicts.NO_CARD,
                                "passNumber",
                                "no card of this pass waits for pickup",
                                "no-card-waiting")));
    String who =
        Texts.required(
            "collectedBy",
            collectedBy,
            200,
            "collected-by",
            "name the person who collected the card (at most 200 characters)",
            200);
    if (pass.status() == PassStatus.PENDING_CARD) {
      passes.pickUp(caller, number, who);
    }
    return tx.write(
        em -> {
          CardEntity card = em.find(CardEntity.class, ready.getSerial());
          card.setCollectedBy(who);
          card.setCollectedAt(new Date());
          AuditTrail.append(em, caller, "card.picked-up", "card", card.getSerial(), null, who);
          return card;
        },
        JobViews::card);
  }

  CardJob reportLost(Caller caller, String passNumber, String reason) {
    String why = requireReason(reason);
    Pass pass = passes.get(caller, passNumber);
    boolean mayReport =
        caller.actsFor(pass.companyId()) || caller.actsAt(Role.CARD_DESK, pass.pickupPort());
    if (!mayReport) {
      throw new ForbiddenException(
          "a lost card is reported by the pass holder's company or the pickup port's card desk",
          "lost-card-reporters");
    }
    if (pass.status() != PassStatus.ACTIVE && pass.status() != PassStatus.SUSPENDED) {
      throw new ConflictException(
          CardConflicts.PASS_STATUS,
          "status",
          "the pass is " + pass.status() + "; no replacement card is made",
          "pass-no-replacement",
          pass.status());
    }
    return tx.write(em -> replaceLostCard(em, caller, pass, why), UnaryOperator.identity());
  }

  /** Voids the pass's live card as lost and queues the job of its replacement. */
  private static CardJob replaceLostCard(EntityManager em, Caller caller, Pass pass, String why) {
    if (!CardRecords.openJobs(em, pass.number()).isEmpty()) {
      throw new ConflictException(
          CardConflicts.JOB_OPEN,
          "passNumber",
          "a card for this pass is already being made",
          "job-open");
    }
    em.createQuery("SELECT c FROM CardEntity c WHERE c.livePassNumber = :n", CardEntity.class)
        .setParameter("n", pass.number())
        .getResultList()
        .forEach(c -> CardRecords.voidCard(em, c, "lost: " + why));
    int generation =
        em.createQuery(
                "SELECT MAX(j.generation) FROM CardJobEntity j WHERE j.passNumber = :n",
                Integer.class)
            .setParameter("n", pass.number())
            .getSingleResult();
    CardJobEntity job = CardRecords.newJob(pass.number(), pass.pickupPort(), generation + 1);
    em.persist(job);
    em.flush();
    AuditTrail.append(
        em,
        caller,
        "card.lost",
        "pass",
        pass.number(),
        null,
        why + "; replacement job " + job.getId());
    return JobViews.view(em, job);
  }

  private static String requireReason(String reason) {
    return Texts.required(
        "reason", reason, 900, "give-reason", "give a reason (at most 900 characters)", 900);
  }
}
