package org.portpass.card;

import io.swagger.v3.oas.annotations.media.Schema;
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
    @Schema(nullable = true) CardStep failedStep,
    @Schema(nullable = true) CardStep activeStep,
    @Schema(nullable = true) String desk,
    @Schema(nullable = true) String cardSerial,
    @Schema(nullable = true) String lastError,
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
      @Schema(nullable = true) String cardSerial,
      String desk,
      @Schema(nullable = true) String device,
      Instant startedAt,
      @Schema(nullable = true) Instant finishedAt,
      @Schema(nullable = true) AttemptOutcome outcome,
      @Schema(nullable = true) String fault,
      @Schema(nullable = true) String message) {}

  /** A physical card; a voided card must be destroyed. */
  public record Card(
      String serial,
      String passNumber,
      CardStatus status,
      @Schema(nullable = true) String chipUid,
      @Schema(nullable = true) String voidReason,
      @Schema(nullable = true) String collectedBy,
      @Schema(nullable = true) Instant collectedAt,
      Instant createdAt) {}
}
