package org.portpass.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One line of a form as stored, with its own review state.
 *
 * @param lineNo the line's position on the form, from 1
 * @param subjectLabel how the subject is shown, e.g. "王小明 (A12345****)" or a plate number
 * @param pendingPorts access ports that have not yet decided the current stage; empty outside
 *     review
 * @param revision how often the line was resubmitted; a decision names the revision it was made on
 * @param lastReason the reason of the last rejection, or {@code null}
 * @param passNumber the pass issued for the line, or {@code null} before every supervisor approved
 * @param cardStatus the status of the pass's newest card ({@code ISSUING}, {@code LIVE}, {@code
 *     VOID}), or {@code null} while it has none; the card capability knows it, so the application
 *     service leaves it null and the REST layer fills it in
 */
public record FormLine(
    long id,
    int lineNo,
    SubjectKind subjectKind,
    long subjectId,
    String subjectLabel,
    LocalDate validFrom,
    LocalDate validTo,
    List<Long> attachmentIds,
    LineStatus status,
    Set<String> pendingPorts,
    int revision,
    String lastReason,
    String passNumber,
    String cardStatus) {

  public FormLine {
    attachmentIds = List.copyOf(attachmentIds);
    pendingPorts = Set.copyOf(pendingPorts);
  }

  /** This line with the status of its pass's newest card. */
  public FormLine withCardStatus(String card) {
    return new FormLine(
        id,
        lineNo,
        subjectKind,
        subjectId,
        subjectLabel,
        validFrom,
        validTo,
        attachmentIds,
        status,
        pendingPorts,
        revision,
        lastReason,
        passNumber,
        card);
  }
}
