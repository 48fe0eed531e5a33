package org.portpass.application;

import java.util.List;

/**
 * An open task in a port's queue: one line waiting for that port's decision at one stage.
 *
 * @param revision the line's revision, to send back with the decision
 * @param subjectSnapshot the person's or vehicle's data as submitted
 * @param attachments the attachments sent with the line, as submitted
 * @param findings rule findings for the line: at submission and at each stage entered
 * @param history every decision on the line so far, oldest first
 */
public record ReviewTask(
    long lineId,
    long formId,
    String formNumber,
    long companyId,
    String port,
    Stage stage,
    SubjectKind subjectKind,
    String subjectLabel,
    int revision,
    String subjectSnapshot,
    List<AttachmentSummary> attachments,
    List<Finding> findings,
    List<ReviewDecision> history) {

  public ReviewTask {
    attachments = List.copyOf(attachments);
    findings = List.copyOf(findings);
    history = List.copyOf(history);
  }

  /** The same task with other findings (e.g. their sentences in the caller's language). */
  public ReviewTask withFindings(List<Finding> findings) {
    return new ReviewTask(
        lineId,
        formId,
        formNumber,
        companyId,
        port,
        stage,
        subjectKind,
        subjectLabel,
        revision,
        subjectSnapshot,
        attachments,
        findings,
        history);
  }
}
