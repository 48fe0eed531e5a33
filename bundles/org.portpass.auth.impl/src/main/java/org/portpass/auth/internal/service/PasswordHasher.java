package org.portpass.auth.internal.service;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.portpass.core.ValidationException;

/**
 * PBKDF2-HMAC-SHA256 from the JDK with a random salt, stored as {@code
 * pbkdf2-sha256$iterations$salt$hash}, so the iteration count can rise without invalidating stored
 * hashes.
 */
final class PasswordHasher {
  static final int MIN_LENGTH = 10;
  private static final String ALGORITHM = "pbkdf2-sha256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final int iterations;

  PasswordHasher(int iterations) {
    this.iterations = iterations;
  }

  String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return ALGORITHM
        + "$"
        + iterations
        + "$"
        + Base64.getEncoder().encodeToString(salt)
        + "$"
        + Base64.getEncoder().encodeToString(derive(password, salt, iterations));
  }

  /** Constant-time check; a null or malformed stored hash never matches. */
  boolean matches(String password, String stored) {
    if (password == null || stored == null) {
      return false;
    }
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals(ALGORITHM)) {
      return false;
    }
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
  }

  /** Spends the same time as a real check, so unknown user names cannot be told apart by timing. */
  void burn(String password) {
    derive(password == null ? "" : password, new byte[16], iterations);
  }

  /** The password rules: long enough, not the user name, not absurdly long. */
  static void requireStrong(String field, String password, String username) {
    if (password == null || password.length() < MIN_LENGTH) {
      throw ValidationException.of(
          field, "min-length", "must be at least " + MIN_LENGTH + " characters", MIN_LENGTH);
    }
    if (password.length() > 128) {
      throw ValidationException.maxLength(field, 128);
    }
    if (username != null && password.equalsIgnoreCase(username)) {
      throw ValidationException.of(field, "not-username", "must not be the user name");
    }
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    }
  }
}
