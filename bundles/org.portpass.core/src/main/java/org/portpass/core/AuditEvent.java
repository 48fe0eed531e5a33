package org.portpass.core;

import java.time.Instant;

/**
 * One recorded change of state: who (account and role) did what to which entity, when, from where,
 * with short before/after summaries. Append-only.
 */
public record AuditEvent(
    long id,
    Instant at,
    String actor,
    String roles,
    String action,
    String entityType,
    String entityId,
    String before,
    String after,
    String clientAddress,
    String requestId) {}
