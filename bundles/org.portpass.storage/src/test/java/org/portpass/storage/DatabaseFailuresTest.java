package org.portpass.storage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransientConnectionException;
import javax.persistence.PersistenceException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {
  @Test
  void aConnectionRefusedOrBrokenIsUnavailableHoweverDeepItIsWrapped() {
    SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
    assertTrue(DatabaseFailures.unavailable(refused));
    assertTrue(
        DatabaseFailures.unavailable(
            new PersistenceException(
                "fatal store error",
                new RuntimeException(new SQLException("I/O error", "08006")))));
    assertTrue(DatabaseFailures.unavailable(new SQLTransientConnectionException("pool empty")));
  }

  @Test
  void aServerShuttingDownOrStartingIsUnavailable() {
    for (String state : new String[] {"57P01", "57P02", "57P03"}) {
      assertTrue(DatabaseFailures.unavailable(new SQLException("shutdown", state)), state);
    }
  }

  @Test
  void thePoolGivingNoConnectionInTimeIsUnavailable() {
    // pax-transx wraps its JCA ResourceException in an SQLException without a state
    Exception timedOut =
        new SQLException(new javax.resource.ResourceException("request timed out after 1000ms"));
    assertTrue(DatabaseFailures.unavailable(timedOut));
  }

  @Test
  void anXaResourceThatFailedIsUnavailableButOtherXaErrorsAreNot() {
    assertTrue(DatabaseFailures.unavailable(new XAException(XAException.XAER_RMFAIL)));
    assertFalse(DatabaseFailures.unavailable(new XAException(XAException.XAER_PROTO)));
  }

  @Test
  void constraintsBugsAndBadSqlAreNotUnavailable() {
    assertFalse(
        DatabaseFailures.unavailable(
            new SQLIntegrityConstraintViolationException("duplicate", "23505")));
    assertFalse(DatabaseFailures.unavailable(new SQLException("syntax error", "42601")));
    assertFalse(DatabaseFailures.unavailable(new SQLException("no state")));
    assertFalse(DatabaseFailures.unavailable(new NullPointerException()));
    assertFalse(DatabaseFailures.unavailable(null));
  }

  @Test
  void aCauseCycleEnds() {
    RuntimeException a = new RuntimeException("a");
    RuntimeException b = new RuntimeException("b", a);
    a.initCause(b);
    assertFalse(DatabaseFailures.unavailable(b));
  }
}
