package org.portpass.card;

import java.time.Instant;
import java.util.List;

/**
 * The production of one card for a pass at its pickup port's desk, with every attempt at every step
 * and every card printed for it.
 *
 * @param generation 1 for a pass's first card, higher for replacements of lost cards
 * @param activeStep the step a desk has begun and not yet reported, or {@code null}
 * @param cardSerial the job's current card, or {@code null} before the first print or after a void
 */
public record CardJob(
    long id,
    String passNumber,
    String port,
    int generation,
    CardJobStatus status,
    CardStep failedStep,
    CardStep activeStep,
    String desk,
    String cardSerial,
    String lastError,
    Instant createdAt,
    Instant updatedAt,
    long version,
    List<Attempt> attempts,
    List<Card> cards) {
  public CardJob {
    attempts = List.copyOf(attempts);
    cards = List.copyOf(cards);
  }

  /** One try at one step. {@code outcome} is {@code null} while the step runs. */
  public record Attempt(
      long id,
      CardStep step,
      String cardSerial,
      String desk,
      String device,
      Instant startedAt,
      Instant finishedAt,
      String outcome,
      String fault,
      String message) {}

  /** A physical card; a voided card must be destroyed. */
  public record Card(
      String serial,
      String passNumber,
      String status,
      String chipUid,
      String voidReason,
      String collectedBy,
      Instant collectedAt,
      Instant createdAt) {}
}
