package org.portpass.card.internal.service;

import static org.portpass.card.internal.service.CardAccess.requireDesk;
import static org.portpass.card.internal.service.CardAccess.requireDeskRole;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.function.UnaryOperator;
import javax.persistence.EntityManager;
import org.portpass.card.AttemptOutcome;
import org.portpass.card.CardConflicts;
import org.portpass.card.CardJob;
import org.portpass.card.CardJobFlow;
import org.portpass.card.CardJobStatus;
import org.portpass.card.CardStatus;
import org.portpass.card.CardStep;
import org.portpass.card.InvalidPassCodeException;
import org.portpass.card.PassCode;
import org.portpass.card.StepReport;
import org.portpass.card.internal.entity.AttemptEntity;
import org.portpass.card.internal.entity.CardEntity;
import org.portpass.card.internal.entity.CardJobEntity;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.NotFoundException;
import org.portpass.core.Texts;
import org.portpass.core.ValidationException;
import org.portpass.device.Fault;
import org.portpass.storage.Transactions;

/**
 * Closes a step a desk began ({@link DeskProtocol#begin}) with the desk's report. The server, not
 * the desk, judges the card: a reported success whose scan or chip does not match the card is a
 * failure. A failed print, and a verify that read another card, lose the card.
 */
final class StepReports {
  private final Transactions tx;
  private final PassCodeKeys keys;
  private final ReadyReports ready;

  StepReports(Transactions tx, PassCodeKeys keys, ReadyReports ready) {
    this.tx = tx;
    this.keys = keys;
    this.ready = ready;
  }

  CardJob report(Caller caller, long jobId, long attemptId, StepReport report) {
    if (report == null) {
      throw ValidationException.of("report", "send-outcome", "send the step's outcome");
    }
    Fault reported = report.ok() ? null : reportedFault(report);
    requireDeskRole(caller);
    CardJob done =
        tx.write(
            em -> {
              CardJobEntity job = CardRecords.findJob(em, jobId);
              requireDesk(caller, job.getPort());
              AttemptEntity attempt = openAttempt(em, jobId, attemptId);
              close(em, job, attempt, report, reported);
              em.flush();
              return JobViews.view(em, job);
            },
            UnaryOperator.identity());
    if (done.status() == CardJobStatus.DONE) {
      ready.report(done.id(), done.passNumber());
    }
    return done;
  }

  private static Fault reportedFault(StepReport report) {
    return Arrays.stream(Fault.values())
        .filter(f -> f.name().equals(report.fault()))
        .findFirst()
        .orElseThrow(() -> ValidationException.oneOf("fault", EnumSet.allOf(Fault.class)));
  }

  private static AttemptEntity openAttempt(EntityManager em, long jobId, long attemptId) {
    AttemptEntity attempt = em.find(AttemptEntity.class, attemptId);
    if (attempt == null || attempt.getJobId() != jobId) {
      throw new NotFoundException("attempt", attemptId);
    }
    if (attempt.getOutcome() != null) {
      throw new ConflictException(
          CardConflicts.ATTEMPT_CLOSED,
          "attemptId",
          "this attempt was already closed as " + attempt.getOutcome(),
          "attempt-closed",
          attempt.getOutcome());
    }
    return attempt;
  }

  /** Records the attempt's outcome and moves the job on (or fails it). */
  private void close(
      EntityManager em,
      CardJobEntity job,
      AttemptEntity attempt,
      StepReport report,
      Fault reported) {
    CardEntity card = CardRecords.findCard(em, job);
    CardStep step = attempt.getStep();
    String problem = report.ok() ? check(em, step, card, report) : null;
    boolean ok = report.ok() && problem == null;
    Fault fault = ok ? null : report.ok() ? faultOf(step) : reported;
    String message = ok ? null : problem != null ? problem : Texts.cut(report.message(), 900);
    CardJobFlow next;
    if (ok) {
      next = CardRecords.flow(job).succeed(step);
      if (step == CardStep.ENCODE) {
        card.setChipUid(report.chipUid().strip());
        card.setStatus(CardStatus.LIVE);
      }
    } else {
      boolean cardLost =
          step == CardStep.PRINT || (step == CardStep.VERIFY && fault == Fault.WRONG_READ);
      next = CardRecords.flow(job).fail(step, cardLost);
      if (cardLost) {
        CardRecords.voidCurrentCard(em, job, step + " failed: " + fault + " " + message);
      }
    }
    attempt.setOutcome(ok ? AttemptOutcome.OK : AttemptOutcome.FAILED);
    attempt.setFinishedAt(new Date());
    attempt.setDevice(Texts.cut(report.device(), 200));
    attempt.setFault(fault);
    attempt.setMessage(message);
    job.setActiveStep(null);
    job.setLastError(ok ? null : step + ": " + fault + (message == null ? "" : " " + message));
    CardRecords.apply(job, next);
  }

  /** Why a reported success is not one, or null. */
  private String check(EntityManager em, CardStep step, CardEntity card, StepReport report) {
    return switch (step) {
      case PRINT -> null;
      case VERIFY -> checkScan(card, report);
      case ENCODE -> checkChip(em, card, report);
    };
  }

  private String checkScan(CardEntity card, StepReport report) {
    try {
      PassCode scanned = PassCode.verify(report.scanned(), keys.publicKey());
      return card.getPassCode().equals(report.scanned().strip())
          ? null
          : "the scanned code is for card " + scanned.cardSerial() + ", not " + card.getSerial();
    } catch (InvalidPassCodeException e) {
      return "the scanned code is not this card's: " + e.getMessage();
    }
  }

  private static String checkChip(EntityManager em, CardEntity card, StepReport report) {
    String uid = report.chipUid() == null ? "" : report.chipUid().strip();
    if (uid.isEmpty() || uid.length() > 64) {
      return "the encoder reported no chip UID";
    }
    if (!Arrays.equals(report.chipRead(), card.getPassCode().getBytes(StandardCharsets.US_ASCII))) {
      return "the chip read back other data than was written";
    }
    List<String> other =
        em.createQuery("SELECT c.serial FROM CardEntity c WHERE c.chipUid = :uid", String.class)
            .setParameter("uid", uid)
            .getResultList();
    return other.isEmpty() ? null : "chip " + uid + " is already card " + other.get(0);
  }

  /** The fault of a reported success the server found wrong. */
  private static Fault faultOf(CardStep step) {
    return step == CardStep.ENCODE ? Fault.ENCODE_ERROR : Fault.WRONG_READ;
  }
}
