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
      description =
          "Failed logins for one user name from one client address before that pair is locked"
              + " (other addresses are not affected)")
  int maxFailuresPerUser() default 5;

  @AttributeDefinition(
      description =
          "Failed logins from one client address, whatever the user names, before that address"
              + " is locked")
  int maxFailuresPerAddress() default 30;

  @AttributeDefinition(
      description = "First lock, in seconds; doubled for every further failure after a lock")
  int lockSeconds() default 30;

  @AttributeDefinition(
      description = "How long failures are counted, in minutes; also the longest lock")
  int failureWindowMinutes() default 15;
}
