package org.portpass.auth.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.portpass.auth}, shared by the account and login services. */
@ObjectClassDefinition(name = "PortPass accounts and login")
public @interface AuthConfig {
  String PID = "org.portpass.auth";

  @AttributeDefinition(description = "Lifetime of a bearer token, in minutes")
  int tokenMinutes() default 30;

  @AttributeDefinition(description = "PBKDF2-HMAC-SHA256 iterations for new password hashes")
  int pbkdf2Iterations() default 310_000;

  @AttributeDefinition(
      description = "Failed logins for one user name before it is locked for the window")
  int maxFailuresPerUser() default 5;

  @AttributeDefinition(
      description = "Failed logins from one client address before it is locked for the window")
  int maxFailuresPerAddress() default 30;

  @AttributeDefinition(description = "Throttling window, in minutes")
  int failureWindowMinutes() default 15;
}
