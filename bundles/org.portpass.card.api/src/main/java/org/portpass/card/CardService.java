package org.portpass.card;

import java.security.PublicKey;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;

/** Card production for port staff: queues, operator actions, card faces, lost cards, gates. */
@ProviderType
public interface CardService extends CardJobs {
  Page<CardJob> queue(Caller caller, String port, CardJobStatus status, PageRequest page);

  CardJob job(Caller caller, long jobId);

  /** The jobs of one pass, newest first. */
  List<CardJob> jobsOfPass(Caller caller, String passNumber);

  /** Runs the failed step again. */
  CardJob retry(Caller caller, long jobId);

  /** Voids the job's current card (to be destroyed) and queues a new print. */
  CardJob voidCard(Caller caller, long jobId, String reason);

  /**
   * The card face of the pass's newest card (or of the card to be printed), as PNG or PDF. It
   * carries the signed pass code, so only the pickup port's card desk and administrators get it.
   */
  byte[] face(Caller caller, String passNumber, String format);

  /**
   * Hands the pass's finished card to its holder's company at the pickup desk, recording who
   * collected it; for a first card, the pass becomes ACTIVE and its line PICKED_UP.
   */
  CardJob.Card pickUp(Caller caller, String passNumber, String collectedBy);

  /** Voids the pass's live card as lost and queues a replacement card at the pickup port. */
  CardJob reportLost(Caller caller, String passNumber, String reason);

  /** Checks a scanned pass code for a gate at {@code port} (or any port when null). */
  Verification verify(String payload, String port);

  /** The public key gates use to check pass codes offline. */
  PublicKey verificationKey();
}
