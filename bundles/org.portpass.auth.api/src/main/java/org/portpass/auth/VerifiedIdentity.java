package org.portpass.auth;

import java.time.Instant;

/**
 * What an identity provider proved: a stable subject, the assertion's unique id (to refuse replays)
 * and when the assertion expires. {@code name} and {@code email} may be null: MTNet sends no basic
 * data.
 */
public record VerifiedIdentity(
    String provider,
    String subject,
    String assertionId,
    Instant expiresAt,
    String name,
    String email) {}
