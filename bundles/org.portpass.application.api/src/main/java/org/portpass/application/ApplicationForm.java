package org.portpass.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * An application form (申請單) as stored: the carrier of one company's lines to a set of access ports.
 *
 * @param number the form number (申請單號), given at submission; {@code null} for a draft
 * @param version for optimistic locking of drafts
 * @param submittedAt when the form was submitted, or {@code null} for a draft
 */
public record ApplicationForm(
    long id,
    String number,
    long companyId,
    PassType passType,
    Set<String> accessPorts,
    String pickupPort,
    String purpose,
    List<Long> companyAttachmentIds,
    FormStatus status,
    List<FormLine> lines,
    long version,
    Instant createdAt,
    Instant submittedAt) {

  public ApplicationForm {
    accessPorts = Set.copyOf(accessPorts);
    companyAttachmentIds = List.copyOf(companyAttachmentIds);
    lines = List.copyOf(lines);
  }

  /** This form with other views of its lines (e.g. with their card status). */
  public ApplicationForm withLines(List<FormLine> newLines) {
    return new ApplicationForm(
        id,
        number,
        companyId,
        passType,
        accessPorts,
        pickupPort,
        purpose,
        companyAttachmentIds,
        status,
        newLines,
        version,
        createdAt,
        submittedAt);
  }
}
