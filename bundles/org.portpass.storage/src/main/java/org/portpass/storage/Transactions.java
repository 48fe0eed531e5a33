package org.portpass.storage;

import java.sql.SQLException;
import java.util.Set;
import java.util.function.Function;
import javax.persistence.OptimisticLockException;
import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.portpass.core.ConflictException;
import org.portpass.core.PortPassException;
import org.portpass.core.UnavailableException;

/**
 * Runs a capability's work in a JTA transaction and turns what the database refuses (a duplicate
 * natural key, a concurrent update) into the domain's conflict errors, so the database, not the
 * code, is the last word on uniqueness and concurrency.
 */
public final class Transactions {
  private final JpaTemplate jpa;

  public Transactions(JpaTemplate jpa) {
    this.jpa = jpa;
  }

  /** Reads, joining a running transaction if there is one. */
  public <R> R read(EmFunction<R> work) {
    return run(TransactionType.Supports, work);
  }

  /**
   * Changes the database and returns the changed entity's view, taken after the flush so that it
   * shows the new version.
   */
  public <E, R> R write(EmFunction<E> work, Function<E, R> view) {
    return run(
        TransactionType.Required,
        em -> {
          E changed = work.apply(em);
          em.flush(); // surface constraint violations here, inside the translation below
          return view.apply(changed);
        });
  }

  /** Changes the database; nothing to return. */
  public void write(EmConsumer work) {
    write(
        em -> {
          work.accept(em);
          return null;
        },
        nothing -> null);
  }

  private <R> R run(TransactionType type, EmFunction<R> work) {
    try {
      return jpa.txExpr(type, work);
    } catch (PortPassException e) {
      throw e;
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /**
   * Deadlocks and lock time-outs: the database rolled this transaction back to let another one
   * through (seen on Derby with four clerks of one company writing at once). Nothing was changed,
   * and the same request may well pass a moment later. (Not run again here: the work may hold
   * entities the failed attempt already persisted.)
   */
  private static final Set<String> DEADLOCK_STATES = Set.of("40001", "40P01", "40XL1", "40XL2");

  private static boolean chosenAsDeadlockVictim(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      // a lost connection's SQLException may have no state (Set.of refuses contains(null))
      if (t instanceof SQLException sql
          && sql.getSQLState() != null
          && DEADLOCK_STATES.contains(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  private static RuntimeException translate(RuntimeException failure) {
    if (chosenAsDeadlockVictim(failure)) {
      return new UnavailableException(
          "the database is busy with other changes to the same records; try again",
          1,
          "database-busy");
    }
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PortPassException domain) {
        return domain;
      }
      // OpenJPA reports a lost update as javax.persistence or its own OptimisticException
      if (t instanceof OptimisticLockException || t.getClass().getName().contains("Optimistic")) {
        return new ConflictException(
            ConflictException.STALE_VERSION,
            "version",
            "the record was changed by someone else; reload and retry",
            "record-changed");
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        if (sql.getSQLState().equals("23505")) {
          return ConflictException.duplicate(
              null, "a record with the same key already exists", "same-key");
        }
        if (sql.getSQLState().startsWith("23")) {
          return new ConflictException(
              ConflictException.INTEGRITY,
              null,
              "the change would break a reference between records",
              "integrity");
        }
      }
    }
    return failure;
  }
}
