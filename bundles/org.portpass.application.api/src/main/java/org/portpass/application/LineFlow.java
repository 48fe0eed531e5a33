package org.portpass.application;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.portpass.core.ValidationException;

/**
 * The review flow of one line (one person or vehicle on a form), as an immutable value: every step
 * returns a new {@code LineFlow} and leaves this one as it was.
 *
 * <pre>
 * DRAFT ─submit─▶ REVIEW ─▶ POLICE ─▶ SUPERVISOR ─▶ PRODUCTION ─markReady─▶ READY ─pickUp─▶ PICKED_UP
 *                   │  every access port approves a stage before the line enters the next
 *                   └─ any port rejects, with a reason ─▶ RETURNED ─resubmit─▶ REVIEW
 * cancel: from REVIEW, POLICE, SUPERVISOR or RETURNED ─▶ CANCELLED (a draft's line is removed
 *         from the draft instead)
 * </pre>
 *
 * <p>At each stage the line holds the set of access ports that have approved it; when the last one
 * approves, the line enters the next stage (or production after {@link Stage#SUPERVISOR}) with no
 * approvals. One port's rejection returns the line and withdraws the open tasks at the other ports:
 * the approvals are cleared and no task is open while the line is {@link LineStatus#RETURNED}. The
 * revision counts resubmissions, so a decision can name the revision it was made on.
 *
 * <p>Every refused step throws {@link IllegalTransitionException} naming the line's state. This
 * class knows nothing of storage: the implementation stores its fields and rebuilds it with {@link
 * #restore}.
 */
public final class LineFlow {
  private final LineStatus status;
  private final SortedSet<String> accessPorts;
  private final SortedSet<String> approvals;
  private final int revision;
  private final String lastReason;

  private LineFlow(
      LineStatus status,
      Collection<String> accessPorts,
      Collection<String> approvals,
      int revision,
      String lastReason) {
    this.status = Objects.requireNonNull(status, "status");
    this.accessPorts = sorted(accessPorts, "accessPorts");
    this.approvals = sorted(approvals, "approvals");
    this.revision = revision;
    this.lastReason = lastReason;
    if (this.accessPorts.isEmpty()) {
      throw new IllegalArgumentException("a line needs at least one access port");
    }
    if (!this.accessPorts.containsAll(this.approvals)) {
      throw new IllegalArgumentException(
          "approvals " + this.approvals + " are not all access ports " + this.accessPorts);
    }
    if (!this.approvals.isEmpty() && status.stage().isEmpty()) {
      throw new IllegalArgumentException("a line that is " + status + " has no approvals");
    }
    if (this.approvals.equals(this.accessPorts)) {
      throw new IllegalArgumentException("a stage approved by every port must have been left");
    }
    if (revision < 0) {
      throw new IllegalArgumentException("revision must be 0 or more");
    }
  }

  /** A new, unsubmitted line for the given access ports (port codes), at revision 0. */
  public static LineFlow draft(Collection<String> accessPorts) {
    return new LineFlow(LineStatus.DRAFT, accessPorts, Set.of(), 0, null);
  }

  /**
   * Rebuilds a stored line.
   *
   * @throws IllegalArgumentException if the values cannot belong together (e.g. approvals by a port
   *     that is not an access port, or approvals outside a review stage)
   */
  public static LineFlow restore(
      LineStatus status,
      Collection<String> accessPorts,
      Collection<String> approvals,
      int revision,
      String lastReason) {
    return new LineFlow(status, accessPorts, approvals, revision, lastReason);
  }

  /** Sends the line to review (送審): DRAFT → REVIEW. */
  public LineFlow submit() {
    require(LineStatus.DRAFT, "submit");
    return to(LineStatus.REVIEW, revision);
  }

  /**
   * Records the approval of {@code port} at {@code stage}. When every access port has approved, the
   * line enters the next stage, or {@link LineStatus#PRODUCTION} after the supervisors.
   */
  public LineFlow approve(String port, Stage stage) {
    requireOpen("approve", port, stage);
    Set<String> approved = new TreeSet<>(approvals);
    approved.add(port);
    if (!approved.equals(accessPorts)) {
      return new LineFlow(status, accessPorts, approved, revision, lastReason);
    }
    return to(stage.next().map(Stage::lineStatus).orElse(LineStatus.PRODUCTION), revision);
  }

  /**
   * Rejects the line at {@code port} and {@code stage} (退件): the line is {@link
   * LineStatus#RETURNED} and the open tasks at the other ports are withdrawn.
   *
   * @throws ValidationException (field {@code reason}) if the reason is missing or blank
   */
  public LineFlow reject(String port, Stage stage, String reason) {
    requireOpen("reject", port, stage);
    if (reason == null || reason.isBlank()) {
      throw ValidationException.of(
          "reason",
          "reject-needs-reason",
          "is required to reject a line; tell the company what to fix");
    }
    return new LineFlow(LineStatus.RETURNED, accessPorts, Set.of(), revision, reason.strip());
  }

  /** Sends a fixed, returned line again (重送): RETURNED → REVIEW, revision + 1. */
  public LineFlow resubmit() {
    require(LineStatus.RETURNED, "resubmit");
    return to(LineStatus.REVIEW, revision + 1);
  }

  /** Cancels the line (自行取消); possible once submitted and before card production. */
  public LineFlow cancel() {
    if (!status.isCancellable()) {
      String why =
          status == LineStatus.DRAFT
              ? "a draft's line is removed by editing the draft, or the draft is deleted"
              : status.isFinal()
                  ? "it can no longer change"
                  : "a line can only be cancelled before card production";
      String message = "cannot cancel: line is " + status + "; " + why;
      throw status == LineStatus.DRAFT
          ? new IllegalTransitionException(status, message, "cancel-draft", status)
          : status.isFinal()
              ? new IllegalTransitionException(status, message, "cancel-final", status)
              : new IllegalTransitionException(status, message, "cancel-in-production", status);
    }
    return to(LineStatus.CANCELLED, revision);
  }

  /** The card is made: PRODUCTION → READY. */
  public LineFlow markReady() {
    require(LineStatus.PRODUCTION, "mark ready");
    return to(LineStatus.READY, revision);
  }

  /** The company collected the card (領證): READY → PICKED_UP. */
  public LineFlow pickUp() {
    require(LineStatus.READY, "pick up");
    return to(LineStatus.PICKED_UP, revision);
  }

  public LineStatus status() {
    return status;
  }

  /** The line's access ports (port codes), sorted. */
  public SortedSet<String> accessPorts() {
    return accessPorts;
  }

  /** The ports that approved the current stage, sorted; empty outside a review stage. */
  public SortedSet<String> approvals() {
    return approvals;
  }

  /** How often the line was resubmitted; 0 until its first resubmission. */
  public int revision() {
    return revision;
  }

  /**
   * The reason of the last rejection, kept after resubmission while the line is reviewed again;
   * empty once the line is in production or later, or cancelled.
   */
  public Optional<String> lastReason() {
    return Optional.ofNullable(lastReason);
  }

  /** The review stage the line is at, or empty when it is not under review. */
  public Optional<Stage> currentStage() {
    return status.stage();
  }

  /** The access ports that have not yet decided the current stage; empty outside review. */
  public SortedSet<String> pendingPorts() {
    if (status.stage().isEmpty()) {
      return Collections.emptySortedSet();
    }
    SortedSet<String> pending = new TreeSet<>(accessPorts);
    pending.removeAll(approvals);
    return Collections.unmodifiableSortedSet(pending);
  }

  /** True when {@code port} has an open task on this line at {@code stage}. */
  public boolean isOpenAt(String port, Stage stage) {
    return port != null
        && stage != null
        && status.stage().orElse(null) == stage
        && pendingPorts().contains(port);
  }

  /**
   * The reason of the last rejection stays while the company fixes the line and the ports review it
   * again; once every port approved it (production and after) or it is cancelled, it is history
   * (kept in the decisions) and no longer the line's.
   */
  private LineFlow to(LineStatus next, int nextRevision) {
    boolean pastReview =
        EnumSet.of(
                LineStatus.PRODUCTION, LineStatus.READY, LineStatus.PICKED_UP, LineStatus.CANCELLED)
            .contains(next);
    return new LineFlow(next, accessPorts, Set.of(), nextRevision, pastReview ? null : lastReason);
  }

  private void require(LineStatus expected, String step) {
    if (status != expected) {
      throw refused(step);
    }
  }

  private void requireOpen(String step, String port, Stage stage) {
    Objects.requireNonNull(port, "port");
    Objects.requireNonNull(stage, "stage");
    Stage current = status.stage().orElseThrow(() -> refused(step));
    if (!accessPorts.contains(port)) {
      throw new IllegalTransitionException(
          status,
          "cannot " + step + ": port " + port + " is not an access port of this line " + ports(),
          "step-not-access-port",
          step,
          port,
          String.join(", ", accessPorts));
    }
    if (stage != current) {
      throw new IllegalTransitionException(
          status,
          "cannot " + step + " at stage " + stage + ": line is at stage " + current,
          "step-wrong-stage",
          step,
          stage,
          current);
    }
    if (approvals.contains(port)) {
      throw new IllegalTransitionException(
          status,
          "cannot "
              + step
              + ": port "
              + port
              + " has already approved stage "
              + stage
              + "; waiting for "
              + String.join(", ", pendingPorts()),
          "step-already-approved",
          step,
          port,
          stage,
          String.join(", ", pendingPorts()));
    }
  }

  private IllegalTransitionException refused(String step) {
    String message = "cannot " + step + ": line is " + status + "; " + possibleSteps();
    return switch (status) {
      case DRAFT -> new IllegalTransitionException(status, message, "refused-draft", step, status);
      case REVIEW, POLICE, SUPERVISOR ->
          new IllegalTransitionException(status, message, "refused-in-review", step, status);
      case RETURNED ->
          new IllegalTransitionException(status, message, "refused-returned", step, status);
      case PRODUCTION ->
          new IllegalTransitionException(status, message, "refused-production", step, status);
      case READY -> new IllegalTransitionException(status, message, "refused-ready", step, status);
      case PICKED_UP, CANCELLED ->
          new IllegalTransitionException(status, message, "refused-final", step, status);
    };
  }

  private String possibleSteps() {
    return switch (status) {
      case DRAFT -> "only submit is possible (edit the draft to remove a line)";
      case REVIEW, POLICE, SUPERVISOR -> "only approve, reject or cancel are possible";
      case RETURNED -> "only resubmit or cancel are possible";
      case PRODUCTION -> "only mark ready is possible";
      case READY -> "only pick up is possible";
      case PICKED_UP, CANCELLED -> "it can no longer change";
    };
  }

  private String ports() {
    return "(" + String.join(", ", accessPorts) + ")";
  }

  private static SortedSet<String> sorted(Collection<String> ports, String name) {
    Objects.requireNonNull(ports, name);
    SortedSet<String> copy = new TreeSet<>();
    for (String port : ports) {
      if (port == null || port.isBlank()) {
        throw new IllegalArgumentException(name + " contains a blank port code");
      }
      copy.add(port);
    }
    return Collections.unmodifiableSortedSet(copy);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LineFlow other
        && status == other.status
        && revision == other.revision
        && accessPorts.equals(other.accessPorts)
        && approvals.equals(other.approvals)
        && Objects.equals(lastReason, other.lastReason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, accessPorts, approvals, revision, lastReason);
  }

  @Override
  public String toString() {
    return "LineFlow["
        + status
        + ", ports "
        + accessPorts
        + ", approved "
        + approvals
        + ", revision "
        + revision
        + "]";
  }
}
