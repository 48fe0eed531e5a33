package org.portpass.auth;

import java.util.Set;
import org.portpass.core.Role;

/** A change of roles, ports or status; null fields stay. {@code version} as read. */
public record AccountChanges(
    String displayName,
    String email,
    String phone,
    Set<Role> roles,
    Set<String> ports,
    AccountStatus status,
    Long version) {}
