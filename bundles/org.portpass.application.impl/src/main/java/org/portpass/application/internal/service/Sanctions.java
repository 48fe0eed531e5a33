package org.portpass.application.internal.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.portpass.application.ApplicationConflicts;
import org.portpass.application.Standing;
import org.portpass.application.SubjectKind;
import org.portpass.application.Violation;
import org.portpass.application.ViolationType;
import org.portpass.application.internal.entity.ViolationEntity;
import org.portpass.application.internal.entity.ViolationTypeEntity;
import org.portpass.core.ConflictException;
import org.portpass.core.FieldError;

/**
 * The queries behind the bans (管制) and company suspensions (停權), run inside the caller's
 * transaction so that a submission sees a violation recorded before it.
 */
final class Sanctions {
  private Sanctions() {}

  /** Refuses a submission of a suspended company, naming the last day of the suspension. */
  static void refuseIfSuspended(
      EntityManager em, long companyId, LocalDate today, ApplicationSettings settings) {
    LocalDate until = companySuspendedUntil(em, companyId, today, settings);
    if (until != null) {
      throw new ConflictException(
          ApplicationConflicts.COMPANY_SUSPENDED,
          "companyId",
          "the company's applications are suspended until " + until + " for its staff's violations",
          "company-suspended",
          String.valueOf(until));
    }
  }

  /** The error on {@code field} for a subject banned on {@code today}, or {@code null}. */
  static FieldError ban(
      EntityManager em, SubjectKind kind, long subjectId, LocalDate today, String field) {
    Standing standing = standing(em, kind, subjectId, today);
    if (!standing.banned()) {
      return null;
    }
    return FieldError.of(
        field,
        "banned-until",
        "is banned from long-term and temporary passes until "
            + standing.bannedUntil()
            + " (violation "
            + standing.violationId()
            + ")",
        String.valueOf(standing.bannedUntil()),
        String.valueOf(standing.violationId()));
  }

  /** The longest ban in force on {@code today}, or {@link Standing#CLEAR}. */
  static Standing standing(EntityManager em, SubjectKind kind, long subjectId, LocalDate today) {
    List<ViolationEntity> banning =
        em.createQuery(
                "SELECT v FROM ViolationEntity v WHERE v.subjectKind = :kind AND v.subjectId = :id"
                    + " AND v.bannedUntil >= :today AND v.occurredOn <= :today"
                    + " ORDER BY v.bannedUntil DESC, v.id DESC",
                ViolationEntity.class)
            .setParameter("kind", kind)
            .setParameter("id", subjectId)
            .setParameter("today", today)
            .getResultList();
    if (banning.isEmpty()) {
      return Standing.CLEAR;
    }
    Violation longest = banning.get(0).view();
    boolean singleVisit = banning.stream().allMatch(v -> v.view().singleVisitAllowed());
    return new Standing(longest.bannedUntil(), longest.id(), singleVisit);
  }

  /**
   * The last day of the company's suspension in force on {@code today}, or {@code null}: each
   * violation that brings the company's count within the window to the threshold suspends it for
   * the configured days from that violation's date.
   */
  static LocalDate companySuspendedUntil(
      EntityManager em, long companyId, LocalDate today, ApplicationSettings settings) {
    int threshold = settings.companyViolationsForSuspension();
    if (threshold <= 0) {
      return null;
    }
    int window = settings.companyViolationWindowDays();
    int suspension = settings.companySuspensionDays();
    List<LocalDate> dates =
        em.createQuery(
                "SELECT v.occurredOn FROM ViolationEntity v WHERE v.companyId = :c"
                    + " AND v.occurredOn >= :since AND v.occurredOn <= :today ORDER BY v.occurredOn",
                LocalDate.class)
            .setParameter("c", companyId)
            .setParameter("since", today.minusDays((long) window + suspension))
            .setParameter("today", today)
            .getResultList();
    LocalDate until = null;
    for (int i = threshold - 1; i < dates.size(); i++) {
      LocalDate reached = dates.get(i);
      if (dates.get(i - threshold + 1).isAfter(reached.minusDays(window))) {
        LocalDate end = reached.plusDays(suspension - 1L);
        if (!end.isBefore(today) && (until == null || end.isAfter(until))) {
          until = end;
        }
      }
    }
    return until;
  }

  /** The types in effect at {@code port}: its own, and the defaults it does not redefine. */
  static List<ViolationType> types(EntityManager em, String port) {
    Map<String, ViolationType> effective = new LinkedHashMap<>();
    em.createQuery(
            "SELECT t FROM ViolationTypeEntity t WHERE t.port IN :ports ORDER BY t.code",
            ViolationTypeEntity.class)
        .setParameter("ports", List.of(ViolationType.ALL_PORTS, port))
        .getResultList()
        .forEach(
            t ->
                effective.merge(
                    t.getCode(),
                    t.view(),
                    (a, b) -> ViolationType.ALL_PORTS.equals(a.port()) ? b : a));
    List<ViolationType> sorted = new ArrayList<>(effective.values());
    sorted.sort(
        Comparator.comparingInt(ViolationType::banMonths).thenComparing(ViolationType::code));
    return sorted;
  }
}
