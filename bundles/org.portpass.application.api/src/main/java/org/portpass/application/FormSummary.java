package org.portpass.application;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A form in a list, without its lines (a temporary form may hold hundreds).
 *
 * @param lineCounts how many lines are in each state; states without lines are left out
 */
public record FormSummary(
    long id,
    String number,
    long companyId,
    PassType passType,
    Set<String> accessPorts,
    String pickupPort,
    FormStatus status,
    int lineCount,
    Map<LineStatus, Integer> lineCounts,
    long version,
    Instant createdAt,
    Instant submittedAt) {

  public FormSummary {
    accessPorts = Set.copyOf(accessPorts);
    lineCounts = Map.copyOf(lineCounts);
  }
}
