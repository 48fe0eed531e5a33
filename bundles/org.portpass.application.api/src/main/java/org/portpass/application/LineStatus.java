package org.portpass.application;

import java.util.Optional;

/**
 * A line's overall state. {@link #REVIEW}, {@link #POLICE} and {@link #SUPERVISOR} mean "at that
 * review stage"; see {@link LineFlow} for the transitions.
 */
public enum LineStatus {
  /** On a form in the draft box, not yet submitted. */
  DRAFT,
  REVIEW,
  POLICE,
  SUPERVISOR,
  /** Approved by every port's supervisor; the card is being made at the pickup port. */
  PRODUCTION,
  /** The card is made and waits for pickup. */
  READY,
  PICKED_UP,
  /** Rejected by a port (退件); the company may fix and resubmit it, or cancel it. */
  RETURNED,
  /** Cancelled by the applicant (自行取消) before card production. */
  CANCELLED;

  /** The review stage this status stands for, or empty when the line is not under review. */
  public Optional<Stage> stage() {
    return switch (this) {
      case REVIEW -> Optional.of(Stage.REVIEW);
      case POLICE -> Optional.of(Stage.POLICE);
      case SUPERVISOR -> Optional.of(Stage.SUPERVISOR);
      default -> Optional.empty();
    };
  }

  /**
   * True while the company may still cancel the line: once submitted and before card production. A
   * draft's line is not cancelled but removed from the draft (or the draft deleted), so a draft
   * never holds a cancelled line.
   */
  public boolean isCancellable() {
    return this == RETURNED || stage().isPresent();
  }

  /** True when no further change is possible. */
  public boolean isFinal() {
    return this == PICKED_UP || this == CANCELLED;
  }
}
