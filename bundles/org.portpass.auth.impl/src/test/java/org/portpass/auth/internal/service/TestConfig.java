package org.portpass.auth.internal.service;

import java.lang.annotation.Annotation;

/**
 * {@link AuthConfig} as Configuration Admin would give it, with small limits (and a cheap hash) so
 * a test reaches them quickly.
 */
record TestConfig(
    int tokenMinutes,
    int maxFailuresPerUser,
    int maxFailuresPerAddress,
    int lockSeconds,
    int failureWindowMinutes)
    implements AuthConfig {

  static TestConfig defaults() {
    return new TestConfig(30, 3, 6, 30, 15);
  }

  TestConfig tokenMinutes(int minutes) {
    return new TestConfig(
        minutes, maxFailuresPerUser, maxFailuresPerAddress, lockSeconds, failureWindowMinutes);
  }

  @Override
  public int pbkdf2Iterations() {
    return 1_000;
  }

  @Override
  public Class<? extends Annotation> annotationType() {
    return AuthConfig.class;
  }
}
