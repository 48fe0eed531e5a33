package org.portpass.application;

import java.time.LocalDate;
import java.util.List;

/**
 * One line as the company enters it: a person or vehicle of the company, the pass's validity and
 * the subject's attachments ticked to send. Checked by the service, which reports every problem
 * with its field (e.g. {@code lines/3/validTo}).
 *
 * @param subjectId the id of the registry person or vehicle
 * @param attachmentIds ids of the subject's own attachments to send with the line
 */
public record FormLineInput(
    SubjectKind subjectKind,
    Long subjectId,
    LocalDate validFrom,
    LocalDate validTo,
    List<Long> attachmentIds) {}
