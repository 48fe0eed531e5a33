package org.portpass.core;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The append-only audit trail; there is no way to edit or delete events. Changes made in a
 * transaction append their event with {@code org.portpass.storage.AuditTrail} through their own
 * EntityManager, so event and change commit together; {@link #record} is for events outside a
 * transaction (e.g. a refused login).
 */
@ProviderType
public interface AuditLog {
  /**
   * Records a change made by {@code caller}.
   *
   * @param action dotted verb, e.g. {@code person.transfer}, {@code auth.login.failed}
   * @param before short summary of the state before, or null
   * @param after short summary of the state after, or null
   */
  void record(
      Caller caller,
      String action,
      String entityType,
      String entityId,
      String before,
      String after);

  /** Events matching the query, newest first; administrators and customer service only. */
  Page<AuditEvent> find(Caller caller, AuditQuery query, PageRequest page);
}
