package org.portpass.card.internal.service;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import org.portpass.card.gate.RevocationChanges;
import org.portpass.card.gate.RevocationEntry;
import org.portpass.card.gate.RevocationEntry.Key;
import org.portpass.card.gate.RevocationEntry.Kind;
import org.portpass.core.ConflictException;
import org.portpass.core.UnavailableException;
import org.portpass.storage.Transactions;

/**
 * The revocation list's rows: every change takes the next version (a primary key, so two writers,
 * on one node or on several, never take the same one: the second fails and tries again), and an
 * entry is listed from its added version until its removed version. A version is only taken after
 * the one before it is committed (it is the highest committed one plus one), so a reader that sees
 * version N sees every change up to N.
 */
final class RevocationLedger {
  private static final int ATTEMPTS = 10;

  private final Transactions tx;

  RevocationLedger(Transactions tx) {
    this.tx = tx;
  }

  /** A listed entry with its row id. */
  record Listed(long id, RevocationEntry entry) {}

  /** The current version and when it was made (version 0: the empty list, made now). */
  record Version(long number, Instant issuedAt) {}

  Version current(EntityManager em) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT version, issued_at FROM revocation_version"
                    + " WHERE version = (SELECT MAX(version) FROM revocation_version)")
            .getResultList();
    if (rows.isEmpty()) {
      return new Version(0, Instant.now());
    }
    Object[] row = (Object[]) rows.get(0);
    return new Version(((Number) row[0]).longValue(), ((Timestamp) row[1]).toInstant());
  }

  long count(EntityManager em) {
    return ((Number)
            em.createNativeQuery(
                    "SELECT COUNT(*) FROM revocation_entry WHERE listed_key IS NOT NULL")
                .getSingleResult())
        .longValue();
  }

  /** Every entry listed at version {@code v}. */
  List<RevocationEntry> entriesAt(EntityManager em, long v) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT kind, subject, reason, since_at, keep_until FROM revocation_entry"
                    + " WHERE added_version <= ? AND (removed_version IS NULL OR removed_version > ?)")
            .setParameter(1, v)
            .setParameter(2, v)
            .getResultList();
    List<RevocationEntry> entries = new ArrayList<>(rows.size());
    for (Object row : rows) {
      entries.add(entry((Object[]) row));
    }
    return entries;
  }

  /** What changed after {@code since} up to {@code current}. */
  RevocationChanges changes(EntityManager em, long since, Version current, Instant issuedAt) {
    long v = current.number();
    List<RevocationEntry> added = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT kind, subject, reason, since_at, keep_until FROM revocation_entry"
                    + " WHERE added_version > ? AND added_version <= ?"
                    + " AND (removed_version IS NULL OR removed_version > ?)")
            .setParameter(1, since)
            .setParameter(2, v)
            .setParameter(3, v)
            .getResultList()) {
      added.add(entry((Object[]) row));
    }
    List<Key> removed = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT kind, subject FROM revocation_entry"
                    + " WHERE removed_version > ? AND removed_version <= ? AND added_version <= ?")
            .setParameter(1, since)
            .setParameter(2, v)
            .setParameter(3, since)
            .getResultList()) {
      Object[] r = (Object[]) row;
      removed.add(new Key(kind((String) r[0]), (String) r[1]));
    }
    return new RevocationChanges(since, v, issuedAt, added, removed);
  }

  /** True when the key was ever listed (a voided card's entry is never added twice). */
  boolean hasEverListed(Key key) {
    return tx.read(
        em ->
            !em.createNativeQuery("SELECT 1 FROM revocation_entry WHERE kind = ? AND subject = ?")
                .setParameter(1, key.kind().letter())
                .setParameter(2, key.subject())
                .getResultList()
                .isEmpty());
  }

  /** The listed entries, by key. */
  Map<Key, RevocationEntry> listed() {
    return tx.read(
        em -> {
          Map<Key, RevocationEntry> listed = new HashMap<>();
          for (Object row :
              em.createNativeQuery(
                      "SELECT kind, subject, reason, since_at, keep_until FROM revocation_entry"
                          + " WHERE listed_key IS NOT NULL")
                  .getResultList()) {
            RevocationEntry e = entry((Object[]) row);
            listed.put(e.key(), e);
          }
          return listed;
        });
  }

  /**
   * Brings the listed entries of these keys to what is wanted (a null entry: not listed), as one
   * new version when anything changes; answers the version, or -1 when nothing changed. An entry
   * whose reason and keep-until are already listed is left as it is (with its first since).
   */
  long apply(Map<Key, RevocationEntry> wanted) {
    if (wanted.isEmpty()) {
      return -1;
    }
    return retried(() -> tx.write(em -> write(em, wanted), v -> v));
  }

  private long write(EntityManager em, Map<Key, RevocationEntry> wanted) {
    List<Long> removals = new ArrayList<>();
    List<RevocationEntry> additions = new ArrayList<>();
    for (Map.Entry<Key, RevocationEntry> w : wanted.entrySet()) {
      List<?> rows =
          em.createNativeQuery(
                  "SELECT id, reason, keep_until FROM revocation_entry WHERE listed_key = ?")
              .setParameter(1, listedKey(w.getKey()))
              .getResultList();
      Object[] row = rows.isEmpty() ? null : (Object[]) rows.get(0);
      RevocationEntry entry = w.getValue();
      if (row != null
          && entry != null
          && entry.reason().equals(row[1])
          && entry.keepUntil().equals(date(row[2]))) {
        continue; // listed as wanted
      }
      if (row != null) {
        removals.add(((Number) row[0]).longValue());
      }
      if (entry != null) {
        additions.add(entry);
      }
    }
    if (removals.isEmpty() && additions.isEmpty()) {
      return -1L;
    }
    long version =
        ((Number)
                    em.createNativeQuery("SELECT COALESCE(MAX(version), 0) FROM revocation_version")
                        .getSingleResult())
                .longValue()
            + 1;
    em.createNativeQuery("INSERT INTO revocation_version (version, issued_at) VALUES (?, ?)")
        .setParameter(1, version)
        .setParameter(2, Timestamp.from(Instant.now()))
        .executeUpdate();
    for (long id : removals) {
      int changed =
          em.createNativeQuery(
                  "UPDATE revocation_entry SET removed_version = ?, listed_key = NULL"
                      + " WHERE id = ? AND listed_key IS NOT NULL")
              .setParameter(1, version)
              .setParameter(2, id)
              .executeUpdate();
      if (changed != 1) {
        // untranslated: internal, retried at once; never reaches a caller
        throw new ConflictException(
            ConflictException.STALE_VERSION, null, "removed meanwhile", "record-changed");
      }
    }
    for (RevocationEntry e : additions) {
      em.createNativeQuery(
              "INSERT INTO revocation_entry (kind, subject, reason, since_at, keep_until,"
                  + " added_version, listed_key) VALUES (?, ?, ?, ?, ?, ?, ?)")
          .setParameter(1, e.kind().letter())
          .setParameter(2, e.subject())
          .setParameter(3, e.reason())
          .setParameter(4, Timestamp.from(e.since()))
          .setParameter(5, java.sql.Date.valueOf(e.keepUntil()))
          .setParameter(6, version)
          .setParameter(7, listedKey(e.key()))
          .executeUpdate();
    }
    return version;
  }

  /**
   * Runs a write again when another writer took the same version or listed the same key first (or
   * the database chose it as a deadlock victim): the next attempt reads what the other wrote.
   */
  static <T> T retried(Supplier<T> write) {
    for (int attempt = 1; ; attempt++) {
      try {
        return write.get();
      } catch (ConflictException | UnavailableException e) {
        if (attempt >= ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(ThreadLocalRandom.current().nextInt(5, 20 * attempt));
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  static String listedKey(Key key) {
    return key.kind().letter() + ":" + key.subject();
  }

  private static RevocationEntry entry(Object[] r) {
    return new RevocationEntry(
        kind((String) r[0]),
        (String) r[1],
        (String) r[2],
        ((Timestamp) r[3]).toInstant(),
        date(r[4]));
  }

  private static Kind kind(String letter) {
    return letter.equals("C") ? Kind.CARD : Kind.PASS;
  }

  private static LocalDate date(Object value) {
    return value instanceof java.sql.Date d
        ? d.toLocalDate()
        : value instanceof Timestamp t
            ? t.toLocalDateTime().toLocalDate()
            : LocalDate.parse(value.toString());
  }
}
