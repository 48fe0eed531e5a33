package org.portpass.registry.internal.service;

import org.portpass.core.Caller;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.Role;

/**
 * Who may read and change registry data. Company roles see only their own company's records (a
 * record of another company is reported as not found, so its existence does not leak); port roles
 * may read everything they review; customer service and administrators manage all.
 */
final class Access {
  private Access() {}

  static boolean isStaff(Caller caller) {
    return caller.hasAny(Role.ADMIN, Role.CUSTOMER_SERVICE);
  }

  static boolean isPortStaff(Caller caller) {
    return caller.roles().stream().anyMatch(Role::isPortRole);
  }

  static void requireStaff(Caller caller, String action) {
    if (!isStaff(caller)) {
      throw new ForbiddenException(
          "only customer service may " + action, "customer-service-only", action);
    }
  }

  /** Reading a record owned by {@code companyId}. */
  static void requireRead(Caller caller, Long companyId, String what, Object id) {
    if (!caller.actsFor(companyId) && !isPortStaff(caller)) {
      throw new NotFoundException(what, id);
    }
  }

  /** Changing a record owned by {@code companyId}: its own company's accounts, or staff. */
  static void requireWrite(Caller caller, Long companyId, String what, Object id) {
    if (isStaff(caller)) {
      return;
    }
    if (!caller.actsFor(companyId)) {
      if (isPortStaff(caller)) {
        throw new ForbiddenException(
            "port staff may not change " + what + " " + id,
            "staff-may-not-change",
            what,
            String.valueOf(id));
      }
      throw new NotFoundException(what, id);
    }
    if (!caller.hasAny(Role.COMPANY_ADMIN, Role.COMPANY_USER)) {
      throw new ForbiddenException(
          "you may not change " + what + " " + id, "may-not-change", what, String.valueOf(id));
    }
  }

  /**
   * Company-wide settings (phone, address, contacts, company attachments): company administrator.
   */
  static void requireCompanyAdmin(Caller caller, long companyId) {
    if (isStaff(caller)) {
      return;
    }
    requireRead(caller, companyId, "company", companyId);
    if (!caller.actsFor(companyId) || !caller.has(Role.COMPANY_ADMIN)) {
      throw new ForbiddenException(
          "only the company administrator may change the company", "company-admin-only");
    }
  }
}
