package org.portpass.auth.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.persistence.EntityManager;
import org.portpass.auth.internal.entity.LoginFailureEntity;
import org.portpass.auth.internal.entity.LoginLockEntity;
import org.portpass.core.Caller;
import org.portpass.core.Texts;
import org.portpass.core.TooManyRequestsException;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.Transactions;

/**
 * Brute-force protection in the manner of Keycloak's brute-force detection and OWASP's guidance:
 * failures count per user name <em>and</em> client address, so guessing an account's password from
 * one address never locks its owner out elsewhere; an address that fails for many user names is
 * slowed as a whole, and only that address. Each lock lasts {@code lockSeconds}, doubled for every
 * further failure after it, up to {@code failureWindowMinutes}; while locked, attempts are refused
 * (429) without checking the password. Locks live in the database, so every server node applies
 * them, and every lock and release is audited.
 */
final class LoginThrottle {
  private final Transactions tx;

  LoginThrottle(Transactions tx) {
    this.tx = tx;
  }

  /**
   * Refuses an attempt while its pair or its address is locked; releases (and audits) the locks
   * whose time is over.
   */
  void requireNotLocked(AuthConfig config, String name, String address, Caller anonymous) {
    Date now = new Date();
    List<LoginLockEntity> open =
        tx.read(
            em ->
                em.createQuery(
                        "SELECT l FROM LoginLockEntity l WHERE l.releasedAt IS NULL"
                            + " AND l.clientAddress = :a"
                            + " AND (l.scope = :address OR l.username = :u)",
                        LoginLockEntity.class)
                    .setParameter("a", key(address))
                    .setParameter("address", LoginLockEntity.ADDRESS)
                    .setParameter("u", Texts.cut(name, 64))
                    .getResultList());
    Date until = null;
    for (LoginLockEntity lock : open) {
      if (lock.getLockedUntil().after(now)) {
        until = until == null || lock.getLockedUntil().after(until) ? lock.getLockedUntil() : until;
      } else {
        release(lock, now, anonymous);
      }
    }
    if (until != null) {
      long seconds = Math.max(1, Duration.between(now.toInstant(), until.toInstant()).toSeconds());
      throw new TooManyRequestsException(
          "too many failed logins; try again in " + seconds + " seconds",
          until.toInstant(),
          "failed-logins",
          String.valueOf(seconds));
    }
  }

  /** Counts a failed password check and locks the pair or the address once over its limit. */
  void failed(AuthConfig config, String name, String address, Caller anonymous) {
    tx.write(
        em -> {
          Date since = record(em, config, name, address, anonymous);
          long byPair =
              em.createQuery(
                      "SELECT COUNT(f) FROM LoginFailureEntity f WHERE f.username = :u"
                          + " AND f.clientAddress = :a AND f.failedAt > :since",
                      Long.class)
                  .setParameter("u", Texts.cut(name, 64))
                  .setParameter("a", key(address))
                  .setParameter("since", since)
                  .getSingleResult();
          if (byPair >= config.maxFailuresPerUser()) {
            lock(
                em,
                config,
                LoginLockEntity.PAIR,
                name,
                address,
                byPair,
                config.maxFailuresPerUser(),
                anonymous);
          }
          long byAddress =
              em.createQuery(
                      "SELECT COUNT(f) FROM LoginFailureEntity f WHERE f.clientAddress = :a"
                          + " AND f.failedAt > :since",
                      Long.class)
                  .setParameter("a", key(address))
                  .setParameter("since", since)
                  .getSingleResult();
          if (byAddress >= config.maxFailuresPerAddress()) {
            lock(
                em,
                config,
                LoginLockEntity.ADDRESS,
                null,
                address,
                byAddress,
                config.maxFailuresPerAddress(),
                anonymous);
          }
        });
  }

  /**
   * Keeps the failure (audited) and forgets the address's failures older than the window; answers
   * where the window starts.
   */
  private static Date record(
      EntityManager em, AuthConfig config, String name, String address, Caller anonymous) {
    Date now = new Date();
    Date since = Date.from(now.toInstant().minus(window(config)));
    em.createQuery(
            "DELETE FROM LoginFailureEntity f WHERE f.clientAddress = :a AND f.failedAt < :since")
        .setParameter("a", key(address))
        .setParameter("since", since)
        .executeUpdate();
    LoginFailureEntity failure = new LoginFailureEntity();
    failure.setUsername(Texts.cut(name, 64));
    failure.setClientAddress(key(address));
    failure.setFailedAt(now);
    em.persist(failure);
    AuditTrail.append(
        em, anonymous, "auth.login.failed", "account", Texts.cut(name, 64), null, null);
    return since;
  }

  /** A good login forgets the failures of its own pair (those from other addresses stay). */
  static void succeeded(EntityManager em, String name, String address) {
    em.createQuery(
            "DELETE FROM LoginFailureEntity f WHERE f.username = :u AND f.clientAddress = :a")
        .setParameter("u", Texts.cut(name, 64))
        .setParameter("a", key(address))
        .executeUpdate();
  }

  /** How long a lock lasts: lockSeconds, doubled for each failure over the limit, capped. */
  static Duration lockTime(AuthConfig config, long failures, int limit) {
    long doublings = Math.min(Math.max(0, failures - limit), 30);
    Duration time =
        Duration.ofSeconds(Math.max(1, config.lockSeconds())).multipliedBy(1L << doublings);
    return time.compareTo(window(config)) > 0 ? window(config) : time;
  }

  private static void lock(
      EntityManager em,
      AuthConfig config,
      String scope,
      String name,
      String address,
      long failures,
      int limit,
      Caller anonymous) {
    Instant now = Instant.now();
    Instant until = now.plus(lockTime(config, failures, limit));
    LoginLockEntity lock = new LoginLockEntity();
    lock.setScope(scope);
    lock.setUsername(name == null ? null : Texts.cut(name, 64));
    lock.setClientAddress(key(address));
    lock.setFailures((int) Math.min(failures, Integer.MAX_VALUE));
    lock.setLockedAt(Date.from(now));
    lock.setLockedUntil(Date.from(until));
    em.persist(lock);
    AuditTrail.append(
        em,
        anonymous,
        "auth.lock",
        entityType(lock),
        entityId(lock),
        null,
        describe(lock) + ", " + failures + " failures, locked until " + until);
  }

  private void release(LoginLockEntity lock, Date now, Caller anonymous) {
    tx.write(
        em -> {
          int released =
              em.createQuery(
                      "UPDATE LoginLockEntity l SET l.releasedAt = :now"
                          + " WHERE l.id = :id AND l.releasedAt IS NULL")
                  .setParameter("now", now)
                  .setParameter("id", lock.getId())
                  .executeUpdate();
          if (released == 1) { // another node may have released it first
            AuditTrail.append(
                em,
                anonymous,
                "auth.unlock",
                entityType(lock),
                entityId(lock),
                describe(lock) + ", locked until " + lock.getLockedUntil().toInstant(),
                "expired");
          }
        });
  }

  private static String entityType(LoginLockEntity lock) {
    return lock.getScope().equals(LoginLockEntity.PAIR) ? "account" : "address";
  }

  private static String entityId(LoginLockEntity lock) {
    return lock.getScope().equals(LoginLockEntity.PAIR)
        ? lock.getUsername()
        : lock.getClientAddress();
  }

  private static String describe(LoginLockEntity lock) {
    return lock.getScope().equals(LoginLockEntity.PAIR)
        ? "user name " + lock.getUsername() + " from " + lock.getClientAddress()
        : "every user name from " + lock.getClientAddress();
  }

  private static Duration window(AuthConfig config) {
    return Duration.ofMinutes(Math.max(1, config.failureWindowMinutes()));
  }

  private static String key(String address) {
    return Texts.cut(address == null ? "unknown" : address, 64);
  }
}
