package org.portpass.auth;

import java.time.Instant;
import java.util.Set;
import org.portpass.core.Role;

/** An account as stored; never carries its password hash. */
public record Account(
    long id,
    String username,
    String displayName,
    String email,
    String phone,
    Set<Role> roles,
    Long companyId,
    Set<String> ports,
    AccountStatus status,
    boolean mtnetLinked,
    long version,
    Instant createdAt,
    Instant lastLoginAt) {}
