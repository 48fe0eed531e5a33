package org.portpass.auth.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private static AuthConfig config(int lockSeconds, int windowMinutes) {
    return new AuthConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return AuthConfig.class;
      }

      @Override
      public int tokenMinutes() {
        return 30;
      }

      @Override
      public int pbkdf2Iterations() {
        return 1;
      }

      @Override
      public int maxFailuresPerUser() {
        return 5;
      }

      @Override
      public int maxFailuresPerAddress() {
        return 30;
      }

      @Override
      public int lockSeconds() {
        return lockSeconds;
      }

      @Override
      public int failureWindowMinutes() {
        return windowMinutes;
      }
    };
  }

  @Test
  void eachFailureAfterALockDoublesTheNextOneUpToTheWindow() {
    AuthConfig config = config(30, 15);
    assertEquals(Duration.ofSeconds(30), LoginThrottle.lockTime(config, 5, 5));
    assertEquals(Duration.ofSeconds(60), LoginThrottle.lockTime(config, 6, 5));
    assertEquals(Duration.ofSeconds(240), LoginThrottle.lockTime(config, 8, 5));
    assertEquals(Duration.ofMinutes(15), LoginThrottle.lockTime(config, 10, 5));
    assertEquals(Duration.ofMinutes(15), LoginThrottle.lockTime(config, 1_000_000, 5));
  }
}
