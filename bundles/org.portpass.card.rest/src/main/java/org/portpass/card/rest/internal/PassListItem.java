package org.portpass.card.rest.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.portpass.application.Pass;
import org.portpass.application.PassCards;
import org.portpass.application.PassStatus;
import org.portpass.application.PassType;
import org.portpass.application.SubjectKind;

/**
 * A pass in the list of passes: the pass as {@code GET /passes/{number}} shows it, plus its card.
 */
public record PassListItem(
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
    long version,
    PassCards.CardState card) {

  /** {@code card} is the pass's newest card, or null while it has none. */
  static PassListItem of(Pass p, PassCards.CardState card) {
    return new PassListItem(
        p.number(),
        p.lineId(),
        p.formId(),
        p.companyId(),
        p.subjectKind(),
        p.subjectId(),
        p.subjectLabel(),
        p.passType(),
        p.accessPorts(),
        p.pickupPort(),
        p.validFrom(),
        p.validTo(),
        p.status(),
        p.statusReason(),
        p.collectedBy(),
        p.collectedAt(),
        p.createdAt(),
        p.version(),
        card);
  }
}
