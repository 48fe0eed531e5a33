package org.portpass.registry.internal.service;

import javax.persistence.EntityManager;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.ValidationException;
import org.portpass.registry.internal.entity.CompanyEntity;
import org.portpass.registry.internal.entity.CompanyRecord;

/**
 * The owner company of persons and vehicles, who may see and change them, and the optimistic-lock
 * check they share.
 */
final class Owners {
  private Owners() {}

  /**
   * The company a new record belongs to: a company account's own company (filled in automatically,
   * as the seed asks), or the one staff chose.
   */
  static Long companyFor(Caller caller, Long requested, Checks checks) {
    if (Access.isStaff(caller)) {
      return requested;
    }
    if (Access.isPortStaff(caller)) {
      throw new ForbiddenException(
          "port staff review persons and vehicles; companies register them",
          "staff-do-not-register");
    }
    if (caller.companyId() == null) {
      checks.add(
          "companyId", "account-without-company", "your account does not belong to a company");
      return null;
    }
    if (requested != null && !requested.equals(caller.companyId())) {
      checks.add(
          "companyId", "own-company-only", "you can register records for your own company only");
    }
    return caller.companyId();
  }

  /** The company referred to by an input field; unknown ids are the client's mistake (400). */
  static CompanyEntity company(EntityManager em, long id) {
    CompanyEntity company = em.find(CompanyEntity.class, id);
    if (company == null) {
      throw ValidationException.of(
          "companyId", "no-such-company", "company " + id + " does not exist", String.valueOf(id));
    }
    return company;
  }

  static void requireVersion(String what, long expected, long actual) {
    if (expected != actual) {
      throw ConflictException.staleVersion(what, expected, actual);
    }
  }

  /** The company's record if the caller may see it; 404 for one they may not, as for none. */
  static <E extends CompanyRecord> E load(
      EntityManager em, Caller caller, Class<E> type, String what, long id) {
    E entity = em.find(type, id);
    if (entity == null || !canRead(caller, entity)) {
      throw new NotFoundException(what, id);
    }
    return entity;
  }

  /** The record as {@link #load} reads it, if the caller may also change it. */
  static <E extends CompanyRecord> E loadForWrite(
      EntityManager em, Caller caller, Class<E> type, String what, long id) {
    E entity = load(em, caller, type, what, id);
    Access.requireWrite(caller, companyId(entity), what, id);
    return entity;
  }

  /** Its company's own accounts (and customer service) and the ports' staff read a record. */
  static boolean canRead(Caller caller, CompanyRecord record) {
    return caller.actsFor(companyId(record)) || Access.isPortStaff(caller);
  }

  private static Long companyId(CompanyRecord record) {
    return record.getCompany() == null ? null : record.getCompany().getId();
  }
}
