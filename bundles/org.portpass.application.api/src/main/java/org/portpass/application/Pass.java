package org.portpass.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A pass (通行證) issued for an approved line; its number never changes, whatever happens to its
 * cards.
 */
public record Pass(
    String number,
    long lineId,
    long formId,
    long companyId,
    SubjectKind subjectKind,
    long subjectId,
    String subjectLabel,
    PassType passType,
    List<String> accessPorts,
    String pickupPort,
    LocalDate validFrom,
    LocalDate validTo,
    PassStatus status,
    String statusReason,
    String collectedBy,
    Instant collectedAt,
    Instant createdAt,
    long version) {
  public Pass {
    accessPorts = List.copyOf(accessPorts);
  }
}
