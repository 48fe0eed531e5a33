package org.portpass.card.internal.service;

import static org.portpass.card.internal.service.CardAccess.SYSTEM;
import static org.portpass.card.internal.service.CardAccess.requireDesk;
import static org.portpass.card.internal.service.CardAccess.requireDeskRole;
import static org.portpass.card.internal.service.CardRecords.findJob;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
import org.portpass.application.Pass;
import org.portpass.application.PassService;
import org.portpass.application.PassStatus;
import org.portpass.card.AttemptOutcome;
import org.portpass.card.CardConflicts;
import org.portpass.card.CardJob;
import org.portpass.card.CardJobStatus;
import org.portpass.card.CardStatus;
import org.portpass.card.CardStep;
import org.portpass.card.StepOrder;
import org.portpass.card.internal.entity.AttemptEntity;
import org.portpass.card.internal.entity.CardEntity;
import org.portpass.card.internal.entity.CardJobEntity;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.ValidationException;
import org.portpass.storage.Transactions;

/**
 * The desk's side of a step: which jobs a desk takes next, and beginning a step. Every step is an
 * attempt row opened by {@link #begin} and closed by a report ({@link StepReports}), each in its
 * own transaction, so a desk that dies mid-step leaves an open attempt that the next {@code begin}
 * closes as interrupted: no job is lost or done twice. A printed card stays at the desk that
 * printed it, and a step another desk began is taken over only after {@link #TAKE_OVER_MILLIS}.
 */
final class DeskProtocol {
  private static final Pattern DESK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Between steps with a printed card, which stays at the desk that printed it. */
  private static final List<CardJobStatus> HOLDING_A_CARD =
      List.of(CardJobStatus.PRINTED, CardJobStatus.VERIFIED);

  /** A step begun by another desk is taken over only after this long without a report. */
  private static final long TAKE_OVER_MILLIS = 120_000;

  private final Transactions tx;
  private final PassService passes;
  private final CardFaces faces;
  private final PassCodeKeys keys;

  DeskProtocol(Transactions tx, PassService passes, CardFaces faces, PassCodeKeys keys) {
    this.tx = tx;
    this.passes = passes;
    this.faces = faces;
    this.keys = keys;
  }

  List<CardJob> next(Caller caller, String port, String desk, int max) {
    String code = requireDesk(caller, port);
    String name = requireDeskName(desk);
    if (max < 1 || max > 100) {
      throw ValidationException.of("max", "between", "must be between 1 and 100", 1, 100);
    }
    return tx.read(
        em -> {
          // first what this desk began or holds a printed card of (the card is in its tray, and
          // only this desk can go on with it), then the queued jobs any desk may print
          List<CardJobEntity> jobs =
              new ArrayList<>(
                  em.createQuery(
                          "SELECT j FROM CardJobEntity j WHERE j.port = :port AND j.desk = :desk"
                              + " AND (j.activeStep IS NOT NULL OR j.status IN :printed)"
                              + " ORDER BY j.id",
                          CardJobEntity.class)
                      .setParameter("port", code)
                      .setParameter("desk", name)
                      .setParameter("printed", HOLDING_A_CARD)
                      .setMaxResults(max)
                      .getResultList());
          jobs.addAll(
              em.createQuery(
                      "SELECT j FROM CardJobEntity j WHERE j.port = :port AND j.status = :queued"
                          + " AND j.activeStep IS NULL ORDER BY j.id",
                      CardJobEntity.class)
                  .setParameter("port", code)
                  .setParameter("queued", CardJobStatus.QUEUED)
                  .setMaxResults(max - jobs.size())
                  .getResultList());
          return jobs.stream().limit(max).map(j -> JobViews.view(em, j)).toList();
        });
  }

  StepOrder begin(Caller caller, long jobId, String desk) {
    requireDeskRole(caller);
    String name = requireDeskName(desk);
    CardJobEntity found = tx.read(em -> findJob(em, jobId));
    requireDesk(caller, found.getPort());
    Pass pass = passes.get(SYSTEM, found.getPassNumber());
    if (found.getActiveStep() != null) {
      // in a transaction of its own: an interrupted print fails the job and voids its card, and
      // that must stay recorded although no step can begin then (the operator retries or voids)
      tx.write(
          em -> {
            CardJobEntity job = findJob(em, jobId);
            if (job.getActiveStep() != null) {
              resumeInterrupted(em, job, name);
            }
          });
    }
    Begun begun = tx.write(em -> beginStep(em, jobId, name, pass), UnaryOperator.identity());
    StepOrder order = begun.order();
    if (order.step() != CardStep.PRINT) {
      return order;
    }
    // rendered outside the transaction: it reads the holder from the registry's own unit
    byte[] png = faces.png(pass, order.cardSerial(), begun.passCode());
    return new StepOrder(
        order.jobId(), order.attemptId(), order.step(), order.cardSerial(), png, null);
  }

  /** A begun step and the pass code of its card. */
  private record Begun(StepOrder order, String passCode) {}

  private Begun beginStep(EntityManager em, long jobId, String desk, Pass pass) {
    CardJobEntity job = findJob(em, jobId);
    if (job.getActiveStep() != null) { // begun again by another desk meanwhile
      resumeInterrupted(em, job, desk);
    }
    requireCardHere(job, desk);
    CardStep step = CardRecords.flow(job).requireStep();
    if (step == CardStep.PRINT
        && pass.status() != PassStatus.PENDING_CARD
        && job.getGeneration() == 1) {
      throw new ConflictException(
          CardConflicts.PASS_STATUS,
          "status",
          "the pass is " + pass.status() + "; no card is made",
          "pass-no-card",
          pass.status());
    }
    CardEntity card =
        step == CardStep.PRINT ? newCard(em, job, pass) : CardRecords.findCard(em, job);
    AttemptEntity attempt = new AttemptEntity();
    attempt.setJobId(job.getId());
    attempt.setStep(step);
    attempt.setCardSerial(card.getSerial());
    attempt.setDesk(desk);
    attempt.setStartedAt(new Date());
    em.persist(attempt);
    job.setActiveStep(step);
    job.setDesk(desk);
    job.setUpdatedAt(attempt.getStartedAt());
    em.flush(); // a second desk beginning the same step meets the version check here
    byte[] chip =
        step == CardStep.ENCODE ? card.getPassCode().getBytes(StandardCharsets.US_ASCII) : null;
    return new Begun(
        new StepOrder(job.getId(), attempt.getId(), step, card.getSerial(), null, chip),
        card.getPassCode());
  }

  private CardEntity newCard(EntityManager em, CardJobEntity job, Pass pass) {
    long made =
        em.createQuery("SELECT COUNT(c) FROM CardEntity c WHERE c.passNumber = :n", Long.class)
            .setParameter("n", job.getPassNumber())
            .getSingleResult();
    CardEntity card = new CardEntity();
    card.setSerial(job.getPassNumber() + "-C" + (made + 1));
    card.setPassNumber(job.getPassNumber());
    card.setLivePassNumber(job.getPassNumber()); // the database allows one such card per pass
    card.setJobId(job.getId());
    card.setStatus(CardStatus.ISSUING);
    card.setPassCode(keys.sign(pass, card.getSerial()));
    card.setCreatedAt(new Date());
    em.persist(card);
    job.setCardSerial(card.getSerial());
    return card;
  }

  /**
   * Refuses a desk other than the one whose tray holds the job's printed card: its scanner and
   * encoder would read another card. The card moves on only when an operator voids it (the job then
   * prints anew, at any desk).
   */
  private static void requireCardHere(CardJobEntity job, String desk) {
    boolean elsewhere = job.getDesk() != null && !job.getDesk().equals(desk);
    boolean printed =
        job.getActiveStep() == null
            ? HOLDING_A_CARD.contains(job.getStatus())
            : job.getActiveStep() != CardStep.PRINT;
    if (elsewhere && printed) {
      throw new ConflictException(
          CardConflicts.CARD_AT_OTHER_DESK,
          "desk",
          "the card of this job was printed at desk "
              + job.getDesk()
              + "; go on there, or void the card to print it anew",
          "card-at-other-desk",
          job.getDesk());
    }
  }

  /**
   * A step was begun and never reported: the desk restarted or vanished. A print may or may not
   * have come out, so its card is voided (the operator destroys it if it did); a verify or encode
   * is simply run again on the same card.
   */
  private static void resumeInterrupted(EntityManager em, CardJobEntity job, String desk) {
    AttemptEntity open = CardRecords.openAttempt(em, job);
    if (!desk.equals(job.getDesk())
        && open != null
        && System.currentTimeMillis() - open.getStartedAt().getTime() < TAKE_OVER_MILLIS) {
      throw new ConflictException(
          CardConflicts.JOB_BUSY,
          "desk",
          "desk " + job.getDesk() + " is running the " + open.getStep() + " step",
          "job-busy",
          job.getDesk(),
          open.getStep());
    }
    requireCardHere(job, desk);
    CardStep step = job.getActiveStep();
    CardRecords.closeOpenAttempt(
        em, job, AttemptOutcome.INTERRUPTED, "not reported by desk " + job.getDesk());
    job.setActiveStep(null);
    if (step == CardStep.PRINT) {
      CardRecords.voidCurrentCard(em, job, "print interrupted; destroy the card if one came out");
      CardRecords.apply(job, CardRecords.flow(job).fail(CardStep.PRINT, true));
      job.setLastError("PRINT: INTERRUPTED the desk stopped during the print");
    }
  }

  private static String requireDeskName(String desk) {
    if (desk == null || !DESK.matcher(desk).matches()) {
      throw ValidationException.of(
          "desk",
          "desk-name",
          "name the desk with letters, digits, '.', '_' or '-' (at most 64)",
          64);
    }
    return desk;
  }
}
