package org.portpass.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.persistence.PersistenceException;
import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.Test;
import org.portpass.core.ConflictException;
import org.portpass.core.UnavailableException;

class TransactionsTest {
  /** A template whose first {@code failures} transactions the database rolls back with state. */
  private static final class Rollbacks implements JpaTemplate {
    final AtomicInteger runs = new AtomicInteger();
    final int failures;
    final String state;

    Rollbacks(int failures, String state) {
      this.failures = failures;
      this.state = state;
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
      if (runs.incrementAndGet() <= failures) {
        throw new PersistenceException("rolled back", new SQLException("lock", state));
      }
      return code.apply(null);
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
      throw new UnsupportedOperationException();
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
      return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void aDeadlockVictimIsToldToTryAgain() {
    for (String state : new String[] {"40001", "40P01", "40XL1", "40XL2"}) {
      Rollbacks db = new Rollbacks(1, state);
      UnavailableException busy =
          assertThrows(UnavailableException.class, () -> new Transactions(db).read(em -> "x"));
      assertEquals("unavailable", busy.code(), state);
      assertEquals(1, busy.retryAfterSeconds(), state);
    }
  }

  @Test
  void aFailureWithoutSqlStateIsPassedOnAsItIs() {
    // what a connection lost mid-transaction gives: no SQLState to look at
    Rollbacks db = new Rollbacks(1, null);
    PersistenceException failure =
        assertThrows(PersistenceException.class, () -> new Transactions(db).read(em -> "x"));
    assertEquals("rolled back", failure.getMessage());
  }

  @Test
  void aDuplicateKeyIsAConflict() {
    Rollbacks db = new Rollbacks(1, "23505");
    assertEquals(
        ConflictException.DUPLICATE,
        assertThrows(ConflictException.class, () -> new Transactions(db).read(em -> "x")).code());
  }
}
