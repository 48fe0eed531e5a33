package org.portpass.card.gate;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * What a gate reports: the scanned code, the gate's port and zone, when, and its answer.
 *
 * @param code the scanned pass code, {@code PP1....}
 * @param zone the zone of the port (分區), or null
 * @param time when the gate verified the code
 * @param result {@code ok}, or the reason it refused, e.g. {@code status}
 */
public record GatePassageReport(
    String code, String port, @Schema(nullable = true) String zone, Instant time, String result) {}
