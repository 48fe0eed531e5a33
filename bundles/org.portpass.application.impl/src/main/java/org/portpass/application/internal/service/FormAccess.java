package org.portpass.application.internal.service;

import javax.persistence.EntityManager;
import org.portpass.application.ApplicationConflicts;
import org.portpass.application.FormStatus;
import org.portpass.application.internal.entity.FormEntity;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.Role;

/**
 * Who may read and write which form and line. A form of another company is "not found" rather than
 * forbidden, so form ids tell other companies nothing.
 */
final class FormAccess {
  private FormAccess() {}

  /** Company accounts write their own company's forms. */
  static long requireCompanyWriter(Caller caller) {
    if (caller.companyId() == null || !caller.hasAny(Role.COMPANY_USER, Role.COMPANY_ADMIN)) {
      throw new ForbiddenException(
          "application forms are written by company accounts", "forms-by-companies");
    }
    return caller.companyId();
  }

  static FormEntity readable(EntityManager em, Caller caller, long formId) {
    FormEntity form = em.find(FormEntity.class, formId);
    if (form == null) {
      throw new NotFoundException("form", formId);
    }
    boolean staff = caller.hasAny(Role.ADMIN, Role.CUSTOMER_SERVICE);
    boolean own = caller.companyId() != null && caller.companyId() == form.getCompanyId();
    boolean port =
        form.getStatus() != FormStatus.DRAFT
            && caller.roles().stream().anyMatch(Role::isPortRole)
            && Codes.ports(form.getAccessPorts()).stream().anyMatch(caller.ports()::contains);
    if (!staff && !own && !port) {
      throw new NotFoundException("form", formId);
    }
    return form;
  }

  static FormEntity writable(EntityManager em, Caller caller, long formId) {
    FormEntity form = em.find(FormEntity.class, formId);
    if (form == null || caller.companyId() == null || caller.companyId() != form.getCompanyId()) {
      throw new NotFoundException("form", formId);
    }
    return form;
  }

  static FormEntity draft(EntityManager em, Caller caller, long formId, long version) {
    FormEntity form = writable(em, caller, formId);
    if (form.getVersion() != version) {
      throw ConflictException.staleVersion("form " + formId, version, form.getVersion());
    }
    if (form.getStatus() != FormStatus.DRAFT) {
      throw new ConflictException(
          ApplicationConflicts.NOT_A_DRAFT,
          null,
          "form " + form.getNumber() + " is submitted; fix or cancel its lines instead",
          "not-a-draft",
          form.getNumber());
    }
    return form;
  }

  static LineEntity line(EntityManager em, Caller caller, long lineId) {
    LineEntity line = em.find(LineEntity.class, lineId);
    if (line == null
        || caller.companyId() == null
        || caller.companyId() != line.getForm().getCompanyId()) {
      throw new NotFoundException("line", lineId);
    }
    return line;
  }

  /** How an audit entry counts a form's lines. */
  static String lineCount(FormEntity form) {
    return form.getLines().size() + " line(s)";
  }
}
