package org.portpass.auth.internal.service;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.portpass.auth.internal.entity.AccountEntity;
import org.portpass.core.Caller;
import org.portpass.core.FieldError;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.PortCode;
import org.portpass.core.PortDirectory;
import org.portpass.core.Role;
import org.portpass.core.ValidationException;

/**
 * What an account may be and who may manage it: the user name and password rules, the roles with
 * the company and ports each needs, and the limits of customer service and company administrators.
 */
final class AccountRules {
  private final PortDirectory ports;

  AccountRules(PortDirectory ports) {
    this.ports = ports;
  }

  /**
   * Administrators: anything. Customer service and company administrators: company roles of a
   * company they manage.
   */
  static void requireMayManage(Caller caller, Set<Role> roles, Long companyId) {
    if (caller.isAdmin()) {
      return;
    }
    boolean companyRolesOnly = roles.stream().allMatch(Role::isCompanyRole);
    if (caller.has(Role.CUSTOMER_SERVICE) && companyRolesOnly) {
      return;
    }
    if (caller.has(Role.COMPANY_ADMIN)
        && companyRolesOnly
        && companyId != null
        && companyId.equals(caller.companyId())) {
      return;
    }
    throw new ForbiddenException(
        "you may not manage accounts with these roles", "may-not-manage-roles");
  }

  /**
   * Staff roles are granted by administrators only: anyone else asking for one is refused (403)
   * with the role named, before the request's other fields are judged.
   */
  static void requireMayGrant(Caller caller, Set<Role> roles) {
    if (caller.isAdmin()) {
      return;
    }
    Set<Role> staffRoles = new TreeSet<>();
    roles.stream().filter(r -> r != null && !r.isCompanyRole()).forEach(staffRoles::add);
    if (!staffRoles.isEmpty()) {
      String names = staffRoles.stream().map(Role::name).collect(Collectors.joining(", "));
      throw new ForbiddenException(
          "only administrators grant the role" + (staffRoles.size() == 1 ? " " : "s ") + names,
          "grant-staff-role",
          names);
    }
  }

  /** The account if the caller may see it; 404 for one they may not, as for one that is not. */
  static AccountEntity load(EntityManager em, Caller caller, long id) {
    AccountEntity e = em.find(AccountEntity.class, id);
    boolean visible =
        e != null
            && (caller.isAdmin()
                || caller.has(Role.CUSTOMER_SERVICE)
                || caller.username().equals(e.getUsername())
                || (caller.has(Role.COMPANY_ADMIN)
                    && e.getCompanyId() != null
                    && e.getCompanyId().equals(caller.companyId())));
    if (!visible) {
      throw new NotFoundException("account", id);
    }
    return e;
  }

  /** The roles checked together with the company and ports they need; the ports normalised. */
  Set<String> rolesAndPorts(
      Set<Role> roles, Long companyId, Set<String> requested, List<FieldError> errors) {
    if (roles.stream().anyMatch(Objects::isNull)) {
      errors.add(FieldError.of("roles", "no-null", "must not contain null"));
      return Set.of();
    }
    if (roles.isEmpty()) {
      errors.add(FieldError.of("roles", "role-required", "at least one role is required"));
    }
    if (Accounts.anyCompanyRole(roles) && Accounts.anyPortRole(roles)) {
      errors.add(
          FieldError.of("roles", "roles-mixed", "company roles and port roles cannot be combined"));
    }
    if (Accounts.anyCompanyRole(roles) && companyId == null) {
      errors.add(
          FieldError.of("companyId", "company-role-needs-company", "company roles need a company"));
    }
    if (!Accounts.anyCompanyRole(roles) && companyId != null) {
      errors.add(
          FieldError.of(
              "companyId", "only-company-roles-company", "only company roles belong to a company"));
    }
    Set<String> result = new HashSet<>();
    for (String port : requested == null ? Set.<String>of() : requested) {
      String code = PortCode.normalise(port);
      if (!ports.codes().contains(code)) {
        errors.add(
            FieldError.of(
                "ports",
                "unknown-port-known",
                "unknown port " + port + "; known: " + ports.codes(),
                port,
                ports.codes()));
      }
      result.add(code);
    }
    if (Accounts.anyPortRole(roles) && result.isEmpty()) {
      errors.add(
          FieldError.of("ports", "port-role-needs-port", "port roles need at least one port"));
    }
    if (!Accounts.anyPortRole(roles) && !result.isEmpty()) {
      errors.add(FieldError.of("ports", "only-port-roles-ports", "only port roles have ports"));
    }
    return result;
  }

  static String username(String raw, List<FieldError> errors) {
    String username = Accounts.normalise(raw);
    if (!username.matches(Accounts.USERNAME_PATTERN)) {
      errors.add(
          FieldError.of(
              "username",
              "username-rule",
              "3 to 64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit"));
    }
    return username;
  }

  static void checkPassword(String password, String username, List<FieldError> errors) {
    try {
      PasswordHasher.requireStrong("password", password, username);
    } catch (ValidationException e) {
      errors.addAll(e.errors());
    }
  }

  static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  /** An optional free text: stripped, blank as null, at most 255 printable characters. */
  static String text(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.length() > 255 || text.chars().anyMatch(Character::isISOControl)) {
      throw ValidationException.of(
          "text", "printable-text", "at most 255 printable characters", 255);
    }
    return text;
  }
}
