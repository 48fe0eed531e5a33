package org.portpass.application.rest.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.portpass.application.Decision;

/**
 * Body of the same decision on many lines, each named with the revision the reviewer saw.
 *
 * @param reason required for {@link Decision#REJECT}, ignored for approvals
 */
public record BulkDecisionRequest(
    @Schema(
            description =
                "A reviewer decides APPROVE or REJECT; the other decisions are the company's",
            implementation = String.class,
            allowableValues = {"APPROVE", "REJECT"},
            requiredMode = Schema.RequiredMode.REQUIRED)
        Decision decision,
    String reason,
    List<Line> lines) {
  /** A line and the revision the reviewer saw (from the queue); both required. */
  public record Line(
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Long lineId,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer revision) {}
}
