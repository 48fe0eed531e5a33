package org.portpass.auth.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Date;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
  private final VerifiedTokens tokens = new VerifiedTokens();

  private static JWTClaimsSet expiringIn(long millis) {
    return new JWTClaimsSet.Builder()
        .jwtID("id")
        .expirationTime(new Date(System.currentTimeMillis() + millis))
        .build();
  }

  @Test
  void onlyTheExactTokenThatWasVerifiedIsFound() {
    JWTClaimsSet claims = expiringIn(60_000);
    tokens.put("header.payload.signature", claims);
    assertSame(claims, tokens.claims("header.payload.signature"));
    assertNull(tokens.claims("header.payload.signaturE"));
    assertNull(tokens.claims("header.payload.signature "));
  }

  @Test
  void anExpiredTokenIsForgottenAndMustBeVerifiedAgain() {
    tokens.put("old", expiringIn(-1));
    assertNull(tokens.claims("old"));
    assertEquals(0, tokens.size());
  }

  @Test
  void aFloodOfTokensNeverGrowsTheCacheBeyondItsBound() {
    for (int i = 0; i < VerifiedTokens.MAX + 10; i++) {
      tokens.put("t" + i, expiringIn(60_000));
    }
    assertTrue(tokens.size() <= VerifiedTokens.MAX, "size " + tokens.size());
  }
}
