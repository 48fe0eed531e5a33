package org.portpass.card;

import java.util.Optional;
import org.portpass.core.ConflictException;

/**
 * The card job state machine, kept free of storage so every transition is unit-tested:
 *
 * <pre>
 * QUEUED ─print─▶ PRINTED ─verify─▶ VERIFIED ─encode─▶ DONE
 *    ▲ any step fails ─▶ FAILED(step) ─retry─▶ the state before that step
 *    └──────────── void (card destroyed) from QUEUED…FAILED, or a verify mismatch
 * </pre>
 *
 * A failed print, or a verify that reads another code than the card's, leaves no usable card: the
 * card is voided and the job needs a new print. Other failures keep the card for a retry.
 */
public record CardJobFlow(CardJobStatus status, CardStep failedStep) {

  public static CardJobFlow queued() {
    return new CardJobFlow(CardJobStatus.QUEUED, null);
  }

  /** The next step a desk may begin. */
  public CardStep requireStep() {
    return status
        .nextStep()
        .orElseThrow(
            () ->
                status == CardJobStatus.FAILED
                    ? new ConflictException(
                        CardConflicts.JOB_STATUS,
                        "status",
                        "the " + failedStep + " step failed; retry it or void the card first",
                        "step-failed",
                        failedStep)
                    : new ConflictException(
                        CardConflicts.JOB_STATUS,
                        "status",
                        "the job is " + status + "; there is no step to run",
                        "no-step",
                        status));
  }

  /** The step succeeded. */
  public CardJobFlow succeed(CardStep step) {
    require(step);
    return new CardJobFlow(
        switch (step) {
          case PRINT -> CardJobStatus.PRINTED;
          case VERIFY -> CardJobStatus.VERIFIED;
          case ENCODE -> CardJobStatus.DONE;
        },
        null);
  }

  /**
   * The step failed.
   *
   * @param cardLost true when the failure leaves no usable card (a failed print, a wrong QR code)
   */
  public CardJobFlow fail(CardStep step, boolean cardLost) {
    require(step);
    return new CardJobFlow(CardJobStatus.FAILED, cardLost ? CardStep.PRINT : step);
  }

  /** The operator asks to run the failed step again. */
  public CardJobFlow retry() {
    if (status != CardJobStatus.FAILED) {
      throw new ConflictException(
          CardConflicts.JOB_STATUS,
          "status",
          "only a FAILED job can be retried",
          "retry-failed-only");
    }
    return new CardJobFlow(before(failedStep), null);
  }

  /** The current card is destroyed; a new one is printed. */
  public CardJobFlow voidCard() {
    if (status.isFinal()) {
      throw new ConflictException(
          CardConflicts.JOB_STATUS,
          "status",
          "the job is " + status + "; report the card lost instead",
          "void-final",
          status);
    }
    return queued();
  }

  /** The pass was revoked: no card is made. */
  public CardJobFlow cancel() {
    if (status.isFinal()) {
      throw new ConflictException(
          CardConflicts.JOB_STATUS,
          "status",
          "the job is already " + status,
          "job-already",
          status);
    }
    return new CardJobFlow(CardJobStatus.CANCELLED, null);
  }

  public Optional<CardStep> failed() {
    return Optional.ofNullable(failedStep);
  }

  private void require(CardStep step) {
    CardStep expected = requireStep();
    if (expected != step) {
      throw new ConflictException(
          CardConflicts.JOB_STEP,
          "step",
          "the job's next step is " + expected + ", not " + step,
          "next-step",
          expected,
          step);
    }
  }

  private static CardJobStatus before(CardStep step) {
    return switch (step) {
      case PRINT -> CardJobStatus.QUEUED;
      case VERIFY -> CardJobStatus.PRINTED;
      case ENCODE -> CardJobStatus.VERIFIED;
    };
  }
}
