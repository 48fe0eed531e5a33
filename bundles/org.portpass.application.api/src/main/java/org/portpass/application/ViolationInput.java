package org.portpass.application;

import java.time.LocalDate;

/**
 * A violation to record. With {@code seizedPass} the subject is the pass's holder ({@code
 * subjectKind} and {@code subjectId} may be left out) and the pass is seized in the same
 * transaction.
 *
 * @param type a {@link ViolationType#code()} defined for {@code port} (or for all ports)
 * @param occurredOn the day of the violation (the seizure); the ban runs from it
 * @param port where it happened
 */
public record ViolationInput(
    SubjectKind subjectKind,
    Long subjectId,
    String type,
    LocalDate occurredOn,
    String port,
    String seizedPass,
    String note) {}
