package org.portpass.application.rest.internal;

import java.util.List;
import org.portpass.application.Decision;

/**
 * Body of the same decision on many lines, each named with the revision the reviewer saw.
 *
 * @param reason required for {@link Decision#REJECT}, ignored for approvals
 */
public record BulkDecisionRequest(Decision decision, String reason, List<Line> lines) {
  /** A line and the revision the reviewer saw (from the queue); both required. */
  public record Line(Long lineId, Integer revision) {}
}
