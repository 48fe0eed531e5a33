package org.portpass.auth.internal.service;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.portpass.auth.internal.entity.RevokedTokenEntity;
import org.portpass.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logged-out tokens of every node, read from the database twice a second, so a request does not
 * open a transaction to ask. A logout on this node counts at once; one on another node within a
 * second. While the feed is behind (the database did not answer), each request asks the database
 * itself: a revocation always wins over speed.
 */
final class Revocations {
  private static final Logger LOG = LoggerFactory.getLogger(Revocations.class);
  private static final long POLL_MILLIS = 500;

  /** Beyond this without a successful read, the feed is not trusted. */
  private static final long STALE_MILLIS = 2_000;

  /**
   * Rows are read again for this long after their time (the database's clock, the same for every
   * node): a logout whose transaction committed late is still seen.
   */
  private static final long OVERLAP_MILLIS = 10_000;

  private final Transactions tx;
  private final Map<String, Date> revoked = new ConcurrentHashMap<>();
  private final ScheduledExecutorService poller =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "portpass-token-revocations");
            thread.setDaemon(true);
            return thread;
          });
  private volatile long readAt;

  /** The latest revocation time read, or null while none: then every unexpired one is read. */
  private Date newest;

  Revocations(Transactions tx) {
    this.tx = tx;
    poller.scheduleWithFixedDelay(this::poll, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  void close() {
    poller.shutdownNow();
  }

  boolean isRevoked(String tokenId) {
    if (revoked.containsKey(tokenId)) {
      return true;
    }
    if (System.currentTimeMillis() - readAt > STALE_MILLIS) {
      return tx.read(em -> em.find(RevokedTokenEntity.class, tokenId)) != null;
    }
    return false;
  }

  /** A logout on this node: counted before the database's next read. */
  void add(String tokenId, Date expiresAt) {
    revoked.put(tokenId, expiresAt);
  }

  private void poll() {
    try {
      long started = System.currentTimeMillis();
      Date now = new Date(started);
      Date since = newest == null ? null : new Date(newest.getTime() - OVERLAP_MILLIS);
      List<RevokedTokenEntity> rows =
          tx.read(
              em -> {
                var query =
                    em.createQuery(
                            "SELECT r FROM RevokedTokenEntity r WHERE r.expiresAt > :now"
                                + (since == null ? "" : " AND r.revokedAt > :since"),
                            RevokedTokenEntity.class)
                        .setParameter("now", now);
                return (since == null ? query : query.setParameter("since", since)).getResultList();
              });
      for (RevokedTokenEntity row : rows) {
        revoked.put(row.getTokenId(), row.getExpiresAt());
        if (row.getRevokedAt() != null && (newest == null || row.getRevokedAt().after(newest))) {
          newest = row.getRevokedAt();
        }
      }
      revoked.values().removeIf(expires -> !expires.after(now));
      readAt = started;
    } catch (RuntimeException e) {
      LOG.warn("Cannot read the logged-out tokens; each request asks the database meanwhile", e);
    }
  }
}
