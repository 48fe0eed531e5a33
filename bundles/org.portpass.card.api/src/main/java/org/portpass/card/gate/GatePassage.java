package org.portpass.card.gate;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A gate passage record (進出紀錄): one verification a gate reported.
 *
 * @param passNumber the pass of the scanned code, or null when its signature did not verify
 * @param result {@code ok} or the reason the gate refused (as {@link OfflineVerification} and the
 *     server's verification word them)
 * @param passedAt the gate's time of the verification
 * @param reportedBy the account of the gate that reported it
 * @param recordedAt when the server stored it
 */
public record GatePassage(
    long id,
    @Schema(nullable = true) String passNumber,
    @Schema(nullable = true) String cardSerial,
    String port,
    @Schema(nullable = true) String zone,
    Instant passedAt,
    String result,
    boolean valid,
    String reportedBy,
    Instant recordedAt) {}
