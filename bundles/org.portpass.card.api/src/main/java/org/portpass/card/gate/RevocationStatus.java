package org.portpass.card.gate;

import java.time.Instant;

/**
 * The revocation list's state: its current version, when that version was made (the last change),
 * and how many entries it holds.
 */
public record RevocationStatus(long version, Instant issuedAt, long entries) {}
