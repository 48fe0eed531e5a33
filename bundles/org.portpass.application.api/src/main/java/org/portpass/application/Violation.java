package org.portpass.application;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A recorded violation (違規) against a person or vehicle, with the ban it carries.
 *
 * @param companyId the company the subject worked for (the seized pass's, else the subject's latest
 *     line's), counted for the company's suspension; {@code null} when none is known
 * @param bannedUntil the last day of the ban on long-term and temporary passes, or {@code null}
 *     when the type carries none
 */
public record Violation(
    long id,
    SubjectKind subjectKind,
    long subjectId,
    Long companyId,
    String type,
    String typeNameEn,
    String typeNameZhTw,
    LocalDate occurredOn,
    String port,
    String seizedPass,
    String note,
    LocalDate bannedUntil,
    boolean singleVisitAllowed,
    String recordedBy,
    Instant recordedAt) {

  /** True when the ban is in force on {@code day}. */
  public boolean bansOn(LocalDate day) {
    return bannedUntil != null && !day.isBefore(occurredOn) && !day.isAfter(bannedUntil);
  }
}
