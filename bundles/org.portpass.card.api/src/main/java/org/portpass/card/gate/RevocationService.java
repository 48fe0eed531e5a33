package org.portpass.card.gate;

import org.osgi.annotation.versioning.ProviderType;
import org.portpass.core.Caller;

/**
 * The server's revocation list: kept by card production from the passes' status changes and its own
 * card voids, versioned in the database (every node of a cluster serves the same versions), signed
 * with the pass-code key. Readable by administrators and port staff (card desks, harbor police at
 * the gates, reviewers, supervisors).
 */
@ProviderType
public interface RevocationService {
  RevocationStatus status(Caller caller);

  /** The signed full list ({@link RevocationList} text), UTF-8. */
  byte[] fullList(Caller caller);

  /** The same bytes gzip-compressed, for clients that accept gzip. */
  byte[] fullListGzip(Caller caller);

  /**
   * The signed changes after version {@code since} ({@link RevocationChanges} text).
   *
   * @throws org.portpass.core.ValidationException when {@code since} is after the current version
   */
  byte[] changesSince(Caller caller, long since);
}
