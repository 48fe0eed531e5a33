package org.portpass.core;

import java.time.Instant;

/**
 * Audit search; null criteria are ignored. {@code action} matches a prefix, e.g. {@code person.}.
 */
public record AuditQuery(
    String actor, String action, String entityType, String entityId, Instant from, Instant to) {}
