package org.portpass.application.rest.internal;

import java.util.List;
import org.portpass.application.Decision;
import org.portpass.application.LineRef;

/**
 * Body of the same decision on many lines, each named with the revision the reviewer saw.
 *
 * @param reason required for {@link Decision#REJECT}, ignored for approvals
 */
public record BulkDecisionRequest(Decision decision, String reason, List<LineRef> lines) {}
