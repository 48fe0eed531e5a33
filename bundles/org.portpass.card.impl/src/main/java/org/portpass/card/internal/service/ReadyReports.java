package org.portpass.card.internal.service;

import org.portpass.application.PassService;
import org.portpass.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the pass service that a job's card waits for pickup, and records that it was told. The
 * desk's last report tells it at once; the intake's catch-up tells it what that could not.
 */
final class ReadyReports {
  private static final Logger LOG = LoggerFactory.getLogger(ReadyReports.class);

  private final Transactions tx;
  private final PassService passes;

  ReadyReports(Transactions tx, PassService passes) {
    this.tx = tx;
    this.passes = passes;
  }

  /**
   * The job's pass is ready for pickup; if the pass service is away, the catch-up says it later.
   */
  void report(long jobId, String passNumber) {
    try {
      passes.cardReady(CardAccess.SYSTEM, passNumber);
      tx.write(em -> CardRecords.findJob(em, jobId).setReadyReported(true));
    } catch (RuntimeException e) {
      LOG.warn("Pass {} could not be marked ready yet; the catch-up retries", passNumber, e);
    }
  }
}
