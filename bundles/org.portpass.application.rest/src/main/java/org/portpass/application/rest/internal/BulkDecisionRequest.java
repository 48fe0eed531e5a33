package org.portpass.application.rest.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.portpass.application.Decision;
import org.portpass.application.LineRef;

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
    List<LineRef> lines) {}
