package org.portpass.application;

import java.util.List;

/**
 * An open task in a port's queue: one line waiting for that port's decision at one stage.
 *
 * @param revision the line's revision, to send back with the decision
 * @param findings rule findings for the line, blocking first
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
    List<Finding> findings) {

  public ReviewTask {
    findings = List.copyOf(findings);
  }
}
