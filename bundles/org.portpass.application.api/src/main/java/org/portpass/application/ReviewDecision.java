package org.portpass.application;

import java.time.Instant;

/**
 * One recorded decision on a line, for its history.
 *
 * @param revision the line's revision the decision was made on
 * @param reason the rejection reason, or {@code null} for an approval
 * @param reviewer the deciding account's login name
 */
public record ReviewDecision(
    long lineId,
    String port,
    Stage stage,
    Decision decision,
    String reason,
    int revision,
    String reviewer,
    Instant decidedAt) {}
