package org.portpass.application.rest.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import org.portpass.application.Decision;

/**
 * Body of a decision on one line.
 *
 * @param reason required for {@link Decision#REJECT}, ignored for approvals
 * @param revision the line's revision the reviewer saw (from the queue); required
 */
public record DecisionRequest(
    @Schema(
            description =
                "A reviewer decides APPROVE or REJECT; the other decisions are the company's",
            implementation = String.class,
            allowableValues = {"APPROVE", "REJECT"},
            requiredMode = Schema.RequiredMode.REQUIRED)
        Decision decision,
    String reason,
    Integer revision) {}
