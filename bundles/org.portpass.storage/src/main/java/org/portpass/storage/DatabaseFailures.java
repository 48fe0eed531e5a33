package org.portpass.storage;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import javax.transaction.xa.XAException;

/**
 * Tells a failure for want of the database (it cannot be reached, it is shutting down or starting,
 * no pooled connection came in time) from every other failure: the first is answered 503 "try again
 * shortly", the others are bugs or bad input.
 */
public final class DatabaseFailures {
  /**
   * PostgreSQL's "operator intervention" states: terminated by an administrator's shutdown, by a
   * crash shutdown, or refused while the server starts or stops ("cannot connect now").
   */
  private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

  /** The pool's own failure (no connection within its timeout), by name: no JCA API import. */
  private static final String POOL_FAILURE = "javax.resource.ResourceException";

  private DatabaseFailures() {}

  /** Whether {@code failure}, or any of its causes, says the database is not reachable now. */
  public static boolean unavailable(Throwable failure) {
    Map<Throwable, Boolean> seen = new IdentityHashMap<>();
    for (Throwable t = failure; t != null && seen.put(t, true) == null; t = t.getCause()) {
      if (isUnavailable(t)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUnavailable(Throwable t) {
    if (t instanceof SQLTransientConnectionException
        || t instanceof SQLNonTransientConnectionException) {
      return true;
    }
    if (t instanceof SQLException sql && sql.getSQLState() != null) {
      // SQL state class 08: connection exception (refused, broken, closed), in every database
      return sql.getSQLState().startsWith("08") || SHUTDOWN_STATES.contains(sql.getSQLState());
    }
    if (t instanceof XAException xa) {
      return xa.errorCode == XAException.XAER_RMFAIL;
    }
    for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
      if (type.getName().equals(POOL_FAILURE)) {
        return true;
      }
    }
    return false;
  }
}
