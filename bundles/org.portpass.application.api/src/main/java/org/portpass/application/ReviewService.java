package org.portpass.application;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;

/**
 * The ports' review of lines. A decision at {@code port} and {@code stage} needs the stage's role
 * ({@link Stage#role()}: reviewer, harbor police or supervisor) for that port, otherwise {@code
 * ForbiddenException}. Every decision is recorded and audited.
 */
@ProviderType
public interface ReviewService {
  /**
   * The open tasks of {@code port} at {@code stage}, oldest submission first, with each line's rule
   * findings. Needs the stage's role for the port.
   */
  Page<ReviewTask> queue(Caller caller, String port, Stage stage, PageRequest page);

  /**
   * Decides one line at one port and stage. An approval by the last pending port moves the line to
   * the next stage (or to production after the supervisors); a rejection returns the line to the
   * company and withdraws its open tasks at the other ports. Concurrent decisions on one task:
   * exactly one wins.
   *
   * @param reason required for {@link Decision#REJECT} ({@code ValidationException} on field {@code
   *     reason}), ignored for approvals
   * @param expectedRevision the revision the reviewer saw; if the line was resubmitted since,
   *     {@code ConflictException} {@link ApplicationConflicts#RESUBMITTED}; a revision the line
   *     never had, {@link ApplicationConflicts#UNKNOWN_REVISION}
   * @throws IllegalTransitionException if the task is no longer open: already decided, withdrawn by
   *     another port's rejection, cancelled by the company, or the line is at another stage
   */
  FormLine decide(
      Caller caller,
      long lineId,
      String port,
      Stage stage,
      Decision decision,
      String reason,
      int expectedRevision);

  /**
   * Gives the same decision on many lines (e.g. a temporary form of hundreds of workers), each as
   * {@link #decide} would, each on its own: a refused line does not stop the others. Authorisation
   * is checked once for all ({@code ForbiddenException}).
   *
   * @return one result per line, in the order given
   */
  List<DecisionResult> decideMany(
      Caller caller,
      String port,
      Stage stage,
      Decision decision,
      String reason,
      List<LineRef> lines);

  /**
   * Every decision on the line, oldest first. For the line's company, customer service and the
   * staff of the line's access ports.
   */
  List<ReviewDecision> history(Caller caller, long lineId);
}
