package org.portpass.auth;

import java.util.Set;
import org.portpass.core.Role;

/**
 * An account created by an administrator (any role) or a company administrator (company roles of
 * their own company). Port roles need one or more port codes.
 */
public record NewAccount(
    String username,
    String password,
    String displayName,
    String email,
    String phone,
    Set<Role> roles,
    Long companyId,
    Set<String> ports) {}
