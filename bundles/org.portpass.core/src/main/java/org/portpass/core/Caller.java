package org.portpass.core;

import java.util.Set;

/**
 * Who is asking, passed explicitly to every service call so that REST, the shell and any later
 * interface are held to the same rules by the service layer.
 *
 * @param username the account's login name (or a technical name such as {@code karaf:admin})
 * @param roles the roles granted to the account
 * @param companyId the company a company-role account acts for, or {@code null}
 * @param ports the port codes a port-role account acts for
 * @param clientAddress where the request came from, for the audit trail
 * @param requestId the request's correlation id, for the audit trail
 */
public record Caller(
    String username,
    Set<Role> roles,
    Long companyId,
    Set<String> ports,
    String clientAddress,
    String requestId) {

  public Caller {
    roles = Set.copyOf(roles);
    ports = Set.copyOf(ports);
  }

  /** A trusted in-process caller (start-up tasks, demo data, the administrator's shell). */
  public static Caller system(String name) {
    return new Caller(name, Set.of(Role.ADMIN), null, Set.of(), "local", null);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean hasAny(Role... wanted) {
    for (Role role : wanted) {
      if (roles.contains(role)) {
        return true;
      }
    }
    return false;
  }

  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  /** True when the caller holds {@code role} for {@code port}, or is an administrator. */
  public boolean actsAt(Role role, String port) {
    return isAdmin() || (roles.contains(role) && port != null && ports.contains(port));
  }

  /** True when the caller may see and change data of the given company. */
  public boolean actsFor(Long company) {
    return isAdmin()
        || roles.contains(Role.CUSTOMER_SERVICE)
        || (company != null && company.equals(companyId));
  }
}
