package org.portpass.registry;

import java.time.Instant;

/** One period of a person's employment history; {@code endedAt} is null for the current one. */
public record Employment(
    long companyId,
    String companyTaxId,
    String companyName,
    Instant startedAt,
    Instant endedAt,
    String recordedBy) {}
