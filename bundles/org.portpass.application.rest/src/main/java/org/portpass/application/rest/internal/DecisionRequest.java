package org.portpass.application.rest.internal;

import org.portpass.application.Decision;

/**
 * Body of a decision on one line.
 *
 * @param reason required for {@link Decision#REJECT}, ignored for approvals
 * @param revision the line's revision the reviewer saw (from the queue); required
 */
public record DecisionRequest(Decision decision, String reason, Integer revision) {}
