package org.portpass.itest;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The test MTNet issuer: its key pair is made once in the test driver, whose servers are configured
 * with its public key ({@link #configuration()}); it signs assertions as MTNet would, in the driver
 * (browser tests) or inside a Pax Exam container, which gets the private key as a system property.
 */
public final class MtnetIssuer {
  public static final String ISSUER = "https://mtnet.test.example";
  public static final String AUDIENCE = "portpass-it";

  /** The configuration file of the MTNet identity provider, under the server's etc/. */
  public static final String CONFIG = "org.portpass.auth.mtnet.cfg";

  static final String KEY_PROPERTY = "portpass.it.mtnet.key";

  private static KeyPair pair;

  private MtnetIssuer() {}

  /** MTNet's settings for a server that trusts this issuer (its public key in a PEM file). */
  public static Map<String, String> configuration() {
    try {
      Path pem = Files.createTempFile("mtnet-test-issuer", ".pem");
      pem.toFile().deleteOnExit();
      Files.writeString(
          pem,
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes())
                  .encodeToString(pair().getPublic().getEncoded())
              + "\n-----END PUBLIC KEY-----\n");
      Map<String, String> settings = new LinkedHashMap<>();
      settings.put("issuer", ISSUER);
      settings.put("audience", AUDIENCE);
      settings.put("publicKeyFile", pem.toAbsolutePath().toString());
      return settings;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The private key, for a container's system property {@value #KEY_PROPERTY}. */
  static String privateKeyText() {
    return Base64.getEncoder().encodeToString(pair().getPrivate().getEncoded());
  }

  /** An assertion for {@code subject}, valid for five minutes. */
  public static String assertion(String subject) {
    return assertion(subject, AUDIENCE, Instant.now().plus(Duration.ofMinutes(5)), key());
  }

  static String assertion(String subject, String audience, Instant expires, ECPrivateKey key) {
    try {
      JWTClaimsSet claims =
          new JWTClaimsSet.Builder()
              .issuer(ISSUER)
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

  /** The issuer's private key: from the system property in a container, else the driver's own. */
  static ECPrivateKey key() {
    String text = System.getProperty(KEY_PROPERTY);
    if (text == null) {
      return (ECPrivateKey) pair().getPrivate();
    }
    try {
      return (ECPrivateKey)
          KeyFactory.getInstance("EC")
              .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(text)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A key of nobody MTNet trusts. */
  static ECPrivateKey otherKey() {
    return (ECPrivateKey) newPair().getPrivate();
  }

  private static synchronized KeyPair pair() {
    if (pair == null) {
      pair = newPair();
    }
    return pair;
  }

  private static KeyPair newPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
