package org.portpass.itest;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

/** Signs assertions as the test MTNet issuer would (inside the container). */
final class MtnetIssuer {
  private MtnetIssuer() {}

  static String assertion(String subject) {
    return assertion(
        subject,
        PortPassContainer.MTNET_AUDIENCE,
        Instant.now().plus(Duration.ofMinutes(5)),
        key());
  }

  static String assertion(String subject, String audience, Instant expires, ECPrivateKey key) {
    try {
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer(PortPassContainer.MTNET_ISSUER)
              .audience(audience)
              .subject(subject)
              .jwtID(UUID.randomUUID().toString())
              .issueTime(Date.from(expires.minus(Duration.ofMinutes(5))))
              .expirationTime(Date.from(expires))
              .build();
      SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.ES256), claims);
      jwt.sign(new ECDSASigner(key));
      return jwt.serialize();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ECPrivateKey key() {
    try {
      byte[] der = Base64.getDecoder().decode(System.getProperty("portpass.it.mtnet.key"));
      return (ECPrivateKey)
          KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static ECPrivateKey otherKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return (ECPrivateKey) generator.generateKeyPair().getPrivate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
