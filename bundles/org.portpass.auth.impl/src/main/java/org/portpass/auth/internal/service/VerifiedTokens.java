package org.portpass.auth.internal.service;

import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The claims of access tokens this node has verified, kept until the token expires, so a request
 * costs a hash instead of an ES256 signature check. Keyed by the SHA-256 of the whole token: only
 * the exact token that was verified finds its entry. Revocation is checked separately, on every
 * request ({@link Revocations}).
 */
final class VerifiedTokens {
  /** More tokens than live at once in any port; beyond it the expired go, then everything. */
  static final int MAX = 100_000;

  private final Map<String, JWTClaimsSet> verified = new ConcurrentHashMap<>();

  /** The claims of {@code token} if it was verified here and has not expired, else null. */
  JWTClaimsSet claims(String token) {
    String key = digest(token);
    JWTClaimsSet claims = verified.get(key);
    if (claims != null && !claims.getExpirationTime().after(new Date())) {
      verified.remove(key);
      return null;
    }
    return claims;
  }

  void put(String token, JWTClaimsSet claims) {
    if (verified.size() >= MAX) {
      Date now = new Date();
      verified.values().removeIf(c -> !c.getExpirationTime().after(now));
      if (verified.size() >= MAX) {
        verified.clear(); // a flood of distinct tokens: verify again rather than grow
      }
    }
    verified.put(digest(token), claims);
  }

  int size() {
    return verified.size();
  }

  private static String digest(String token) {
    try {
      return Base64.getEncoder()
          .encodeToString(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
