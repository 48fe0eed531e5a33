package org.portpass.card;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.portpass.core.Caller;

/**
 * The card desk's side of card production: what a desk runner needs, nothing more. The server
 * provides it in-process; a card desk node provides it as a client of the server's REST API, so the
 * same desk code runs in both places.
 */
@ProviderType
public interface CardJobs {
  /**
   * The jobs a desk at {@code port} should work on now, in order: jobs it had begun (to resume
   * after a restart) first, then queued ones.
   */
  List<CardJob> next(Caller caller, String port, String desk, int max);

  /**
   * Begins the job's next step at a desk. A step the same desk began and never reported (the desk
   * restarted) is closed as interrupted first.
   */
  StepOrder begin(Caller caller, long jobId, String desk);

  /** Reports the outcome of a begun step. */
  CardJob report(Caller caller, long jobId, long attemptId, StepReport report);
}
