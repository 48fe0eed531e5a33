package org.portpass.auth;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Set;
import org.portpass.core.Role;

/** An account as stored; never carries its password hash. */
public record Account(
    long id,
    String username,
    String displayName,
    @Schema(nullable = true) String email,
    @Schema(nullable = true) String phone,
    Set<Role> roles,
    @Schema(nullable = true) Long companyId,
    Set<String> ports,
    AccountStatus status,
    boolean mtnetLinked,
    long version,
    Instant createdAt,
    Instant lastLoginAt) {}
