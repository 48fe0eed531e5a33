package org.portpass.storage;

import org.osgi.annotation.versioning.ProviderType;

/** Reports the database PortPass runs on, for health checks and the shell. */
@ProviderType
public interface DatabaseStatus {
  /**
   * Checks the database with a short round trip. Never throws: a failure is reported in the result.
   */
  Report check();

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
