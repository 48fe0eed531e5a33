package org.portpass.storage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Reports the database PortPass runs on, for health checks and the shell, and whether it is known
 * to be out of reach: then requests are answered 503 at once instead of each waiting for a
 * connection that will not come (a circuit breaker), until a check in the background gets an answer
 * again.
 */
@ProviderType
public interface DatabaseStatus {
  /**
   * Checks the database with a short round trip. Never throws: a failure is reported in the result.
   * While the database is known to be out of reach, answers at once that it is down.
   */
  Report check();

  /** False from a failure for want of the database until the database answers again. */
  boolean reachable();

  /**
   * Tells the status that a request failed for want of the database ({@link
   * DatabaseFailures#unavailable}): {@link #reachable()} turns false and the database is checked in
   * the background, several times a second, until it answers.
   */
  void unreachable(Throwable cause);

  /**
   * @param up whether the database answered
   * @param product database product and version, e.g. {@code Apache Derby 10.14.2.0}
   * @param url the JDBC URL without credentials
   * @param appliedChangesets number of schema changesets applied so far
   * @param roundTripMillis how long the check took
   * @param error why the check failed, or {@code null}
   */
  record Report(
      boolean up,
      String product,
      String url,
      int appliedChangesets,
      long roundTripMillis,
      String error) {}
}
