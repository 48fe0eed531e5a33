package org.portpass.application.internal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import javax.persistence.EntityManager;
import org.portpass.application.ApplicationLimits;
import org.portpass.application.LineStatus;
import org.portpass.application.PassStatus;
import org.portpass.application.PassType;
import org.portpass.application.SubjectKind;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.application.internal.service.Submissions.Draft;
import org.portpass.application.internal.service.Submissions.DraftLine;
import org.portpass.core.FieldError;
import org.portpass.core.PortTime;
import org.portpass.core.TooManyRequestsException;

/**
 * The submission checks against other lines, run inside the form's transaction so that two forms
 * sent at once see each other: bans and company suspensions, passes held for another company, the
 * one-long-term-pass rule, overlapping passes for the same port, and the frequency limits.
 */
final class StoredLineChecks {
  private StoredLineChecks() {}

  /**
   * Inside the form's transaction: a subject holds at most one valid long-term pass across all
   * ports, no overlapping pass for the same port, and the frequency limits hold.
   */
  static void check(
      EntityManager em,
      Draft form,
      ApplicationSettings settings,
      PortTime time,
      List<FieldError> errors) {
    LocalDate today = time.today();
    Sanctions.refuseIfSuspended(em, form.companyId(), today, settings);
    for (DraftLine line : form.lines()) {
      if (line.subjectId() == null
          || line.kind() == null
          || line.validFrom() == null
          || line.validTo() == null) {
        continue;
      }
      String at = "lines/" + (line.lineNo() - 1) + "/";
      FieldError ban = Sanctions.ban(em, line.kind(), line.subjectId(), today, at + "subjectId");
      if (ban != null) {
        errors.add(ban);
        continue;
      }
      for (LineEntity other : openLinesOfSubject(em, line, today)) {
        clash(form, line, other, at, errors);
      }
    }
    if (!errors.isEmpty()) {
      return;
    }
    checkLimits(em, form, settings, time);
  }

  /**
   * The subject's other lines that are submitted, not cancelled, not yet over, and whose pass (if
   * any) was not revoked, seized or expired.
   */
  private static List<LineEntity> openLinesOfSubject(
      EntityManager em, DraftLine line, LocalDate today) {
    return em.createQuery(
            "SELECT l FROM LineEntity l WHERE l.subjectKind = :kind AND l.subjectId = :id AND l.id <> :self"
                + " AND l.status NOT IN :closed AND l.validTo >= :today AND NOT EXISTS"
                + " (SELECT p.id FROM PassEntity p WHERE p.lineId = l.id AND p.status IN :over)",
            LineEntity.class)
        .setParameter("kind", line.kind())
        .setParameter("id", line.subjectId())
        .setParameter("self", line.lineId())
        .setParameter("closed", List.of(LineStatus.DRAFT, LineStatus.CANCELLED))
        .setParameter("today", today)
        .setParameter("over", List.of(PassStatus.REVOKED, PassStatus.SEIZED, PassStatus.EXPIRED))
        .getResultList();
  }

  /** One long-term pass per subject; no two passes for the same port on the same day. */
  private static void clash(
      Draft form, DraftLine line, LineEntity other, String at, List<FieldError> errors) {
    String name = "form " + other.getForm().getNumber() + " line " + other.getLineNo();
    FieldError held = heldPass(form, other, at + "subjectId");
    if (held != null) {
      errors.add(held);
    } else if (form.passType() == PassType.LONG_TERM
        && other.getForm().getPassType() == PassType.LONG_TERM) {
      errors.add(
          FieldError.of(
              at + "subjectId",
              "holds-long-term",
              "already holds or awaits a long-term pass (" + name + ", " + other.getStatus() + ")",
              other.getForm().getNumber(),
              String.valueOf(other.getLineNo()),
              other.getStatus()));
    } else if (!line.validTo().isBefore(other.getValidFrom())
        && !other.getValidTo().isBefore(line.validFrom())
        && Codes.ports(other.getAccessPorts()).stream().anyMatch(form.ports()::contains)) {
      errors.add(
          FieldError.of(
              at + "validFrom",
              "overlaps",
              "overlaps "
                  + name
                  + " for the same port ("
                  + other.getValidFrom()
                  + " to "
                  + other.getValidTo()
                  + ")",
              other.getForm().getNumber(),
              String.valueOf(other.getLineNo()),
              String.valueOf(other.getValidFrom()),
              String.valueOf(other.getValidTo())));
    }
  }

  /**
   * A valid pass the other line holds that stops this one: any of another company (the FAQ's rule:
   * the former company revokes its passes before another company applies), or a long-term one when
   * this line is for a long-term pass; {@code null} when none.
   */
  private static FieldError heldPass(Draft form, LineEntity other, String field) {
    String pass = other.getPassNumber();
    if (pass == null) {
      return null;
    }
    if (other.getForm().getCompanyId() != form.companyId()) {
      return FieldError.of(
          field,
          "pass-of-other-company",
          "holds pass "
              + pass
              + " of another company; that company must revoke it (POST /passes/"
              + pass
              + "/revoke) before you apply",
          pass);
    }
    if (form.passType() == PassType.LONG_TERM
        && other.getForm().getPassType() == PassType.LONG_TERM) {
      return FieldError.of(
          field,
          "holds-long-term-pass",
          "already holds long-term pass "
              + pass
              + "; it must be revoked first, by its company or the port authority (POST /passes/"
              + pass
              + "/revoke)",
          pass);
    }
    return null;
  }

  private static void checkLimits(
      EntityManager em, Draft form, ApplicationSettings settings, PortTime time) {
    checkCompanyLimit(em, form, settings, time);
    if (form.passType() == PassType.TEMPORARY) {
      checkPersonLimits(em, form, settings, time);
    }
  }

  /** submissionsPerCompanyPerDay: forms sent since midnight at the ports. */
  private static void checkCompanyLimit(
      EntityManager em, Draft form, ApplicationSettings settings, PortTime time) {
    long today =
        em.createQuery(
                "SELECT COUNT(f) FROM FormEntity f WHERE f.companyId = :c AND f.submittedAt >= :start",
                Long.class)
            .setParameter("c", form.companyId())
            .setParameter("start", Date.from(time.startOfToday()))
            .getSingleResult();
    if (today >= settings.submissionsPerCompanyPerDay()) {
      Instant midnight = time.startOfToday().plus(1, ChronoUnit.DAYS);
      throw new TooManyRequestsException(
          "limit submissionsPerCompanyPerDay ("
              + settings.submissionsPerCompanyPerDay()
              + ") reached; it frees up at "
              + midnight,
          midnight,
          "submissions-per-day",
          String.valueOf(settings.submissionsPerCompanyPerDay()),
          String.valueOf(midnight));
    }
  }

  /** temporaryPassesPerPersonPer30Days, per access port. */
  private static void checkPersonLimits(
      EntityManager em, Draft form, ApplicationSettings settings, PortTime time) {
    Date since = Date.from(time.clock().instant().minus(30, ChronoUnit.DAYS));
    for (DraftLine line : form.lines()) {
      if (line.kind() != SubjectKind.PERSON) {
        continue;
      }
      for (String port : form.ports()) {
        List<Date> recent =
            em.createQuery(
                    "SELECT l.form.submittedAt FROM LineEntity l WHERE l.subjectKind = :kind AND l.subjectId = :id"
                        + " AND l.form.passType = :type AND l.form.submittedAt >= :since AND l.accessPorts LIKE :port"
                        + " ORDER BY l.form.submittedAt",
                    Date.class)
                .setParameter("kind", SubjectKind.PERSON)
                .setParameter("id", line.subjectId())
                .setParameter("type", PassType.TEMPORARY)
                .setParameter("since", since)
                .setParameter("port", Codes.like(port))
                .getResultList();
        int limit = settings.temporaryPerPerson(port);
        if (recent.size() >= limit) {
          Instant frees = recent.get(0).toInstant().plus(30, ChronoUnit.DAYS);
          throw new TooManyRequestsException(
              "limit "
                  + port
                  + "."
                  + ApplicationLimits.TEMPORARY_PER_PERSON
                  + " ("
                  + limit
                  + ") reached for line "
                  + line.lineNo()
                  + "; it frees up at "
                  + frees,
              frees,
              "temporary-per-person",
              port,
              String.valueOf(limit),
              String.valueOf(line.lineNo()),
              String.valueOf(frees));
        }
      }
    }
  }
}
