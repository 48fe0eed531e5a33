package org.portpass.auth.mtnet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portpass.auth.InvalidAssertionException;
import org.portpass.auth.VerifiedIdentity;

class MtnetIdentityProviderTest {
  static final String ISSUER = "https://mtnet.example.gov.tw";
  static final String AUDIENCE = "portpass";
  static final Instant NOW = Instant.parse("2025-06-02T08:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static KeyPair rsa;
  static KeyPair otherRsa;
  static KeyPair ec;
  static KeyPair otherEc;

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
    rsaGen.initialize(2048);
    rsa = rsaGen.generateKeyPair();
    otherRsa = rsaGen.generateKeyPair();
    KeyPairGenerator ecGen = KeyPairGenerator.getInstance("EC");
    ecGen.initialize(new ECGenParameterSpec("secp256r1"));
    ec = ecGen.generateKeyPair();
    otherEc = ecGen.generateKeyPair();
  }

  // --- helpers ---------------------------------------------------------------------------------

  /** A configuration as DS would pass it; fields start at valid values for the RSA key. */
  static final class Cfg implements MtnetIdentityProvider.Config {
    String issuer = ISSUER;
    String audience = AUDIENCE;
    String publicKey = pem(rsa.getPublic());
    String publicKeyFile;
    String[] algorithms = {"RS256", "ES256"};
    long clockSkewSeconds = 60;
    long maxLifetimeSeconds = 600;

    @Override
    public Class<? extends Annotation> annotationType() {
      return MtnetIdentityProvider.Config.class;
    }

    @Override
    public String issuer() {
      return issuer;
    }

    @Override
    public String audience() {
      return audience;
    }

    @Override
    public String publicKey() {
      return publicKey;
    }

    @Override
    public String publicKeyFile() {
      return publicKeyFile;
    }

    @Override
    public String[] algorithms() {
      return algorithms;
    }

    @Override
    public long clockSkewSeconds() {
      return clockSkewSeconds;
    }

    @Override
    public long maxLifetimeSeconds() {
      return maxLifetimeSeconds;
    }
  }

  static MtnetIdentityProvider provider(Consumer<Cfg> changes) {
    Cfg cfg = new Cfg();
    changes.accept(cfg);
    return new MtnetIdentityProvider(cfg, CLOCK);
  }

  static MtnetIdentityProvider rsaProvider() {
    return provider(c -> {});
  }

  static MtnetIdentityProvider ecProvider() {
    return provider(c -> c.publicKey = pem(ec.getPublic()));
  }

  static String pem(PublicKey key) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(key.getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /** Valid claims: issued 10 s ago, expiring in 5 minutes. */
  static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("MTN-000123")
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(NOW.minusSeconds(10)))
        .expirationTime(Date.from(NOW.plusSeconds(300)));
  }

  static String sign(JWSAlgorithm alg, JWSSigner signer, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  static String signRs256(JWTClaimsSet claims) throws JOSEException {
    return sign(JWSAlgorithm.RS256, new RSASSASigner(rsa.getPrivate()), claims);
  }

  static String signEs256(JWTClaimsSet claims) throws JOSEException {
    return sign(JWSAlgorithm.ES256, new ECDSASigner((ECPrivateKey) ec.getPrivate()), claims);
  }

  /** Signs an arbitrary JSON payload, to produce claims of the wrong type. */
  static String rs256Json(String json) throws JOSEException {
    JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload(json));
    jws.sign(new RSASSASigner(rsa.getPrivate()));
    return jws.serialize();
  }

  static String b64(String json) {
    return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
  }

  static String refusal(MtnetIdentityProvider provider, String assertion) {
    InvalidAssertionException e =
        assertThrows(InvalidAssertionException.class, () -> provider.verify(assertion));
    if (assertion != null && assertion.length() > 20) {
      assertTrue(!e.getMessage().contains(assertion), "the message must not echo the assertion");
    }
    return e.getMessage();
  }

  static String configError(Consumer<Cfg> changes) {
    return assertThrows(IllegalArgumentException.class, () -> provider(changes)).getMessage();
  }

  // --- accepted --------------------------------------------------------------------------------

  @Nested
  class Accepted {
    @Test
    void rs256() throws Exception {
      JWTClaimsSet claims = claims().jwtID("jti-rsa-1").build();
      VerifiedIdentity identity = rsaProvider().verify(signRs256(claims));
      assertEquals(
          new VerifiedIdentity(
              "mtnet", "MTN-000123", "jti-rsa-1", NOW.plusSeconds(300), null, null),
          identity);
    }

    @Test
    void es256() throws Exception {
      JWTClaimsSet claims = claims().subject("MTN-777").jwtID("jti-ec-1").build();
      VerifiedIdentity identity = ecProvider().verify(signEs256(claims));
      assertEquals(
          new VerifiedIdentity("mtnet", "MTN-777", "jti-ec-1", NOW.plusSeconds(300), null, null),
          identity);
    }

    @Test
    void nameAndEmailArePassedOnWhenPresent() throws Exception {
      JWTClaimsSet claims =
          claims().claim("name", "王小明").claim("email", "wang@example.com.tw").build();
      VerifiedIdentity identity = rsaProvider().verify(signRs256(claims));
      assertEquals("王小明", identity.name());
      assertEquals("wang@example.com.tw", identity.email());
    }

    @Test
    void nameAndEmailOfAnotherTypeAreIgnored() throws Exception {
      JWTClaimsSet claims = claims().claim("name", 42).claim("email", List.of("a@b.c")).build();
      VerifiedIdentity identity = rsaProvider().verify(signRs256(claims));
      assertNull(identity.name());
      assertNull(identity.email());
    }

    @Test
    void audienceListContainingPortPass() throws Exception {
      JWTClaimsSet claims = claims().audience(List.of("other-service", AUDIENCE)).build();
      assertEquals("MTN-000123", rsaProvider().verify(signRs256(claims)).subject());
    }

    @Test
    void expiredWithinClockSkew() throws Exception {
      JWTClaimsSet claims =
          claims()
              .issueTime(Date.from(NOW.minusSeconds(300)))
              .expirationTime(Date.from(NOW.minusSeconds(60)))
              .build();
      assertEquals(NOW.minusSeconds(60), rsaProvider().verify(signRs256(claims)).expiresAt());
    }

    @Test
    void issuedSlightlyInTheFutureWithinClockSkew() throws Exception {
      JWTClaimsSet claims =
          claims()
              .issueTime(Date.from(NOW.plusSeconds(30)))
              .notBeforeTime(Date.from(NOW.plusSeconds(30)))
              .build();
      assertEquals("MTN-000123", rsaProvider().verify(signRs256(claims)).subject());
    }

    @Test
    void lifetimeOfExactlyTheMaximum() throws Exception {
      JWTClaimsSet claims =
          claims()
              .issueTime(Date.from(NOW.minusSeconds(100)))
              .expirationTime(Date.from(NOW.plusSeconds(500)))
              .build();
      assertEquals(NOW.plusSeconds(500), rsaProvider().verify(signRs256(claims)).expiresAt());
    }

    @Test
    void withoutIatOrNbfIfExpiringWithinTheMaximumLifetime() throws Exception {
      JWTClaimsSet claims =
          claims().issueTime(null).expirationTime(Date.from(NOW.plusSeconds(600))).build();
      assertEquals(NOW.plusSeconds(600), rsaProvider().verify(signRs256(claims)).expiresAt());
    }

    @Test
    void surroundingWhitespace() throws Exception {
      assertEquals(
          "MTN-000123", rsaProvider().verify("  " + signRs256(claims().build()) + "\n").subject());
    }

    @Test
    void commaSeparatedAlgorithmsAsAKarafCfgGivesThem() throws Exception {
      MtnetIdentityProvider provider =
          provider(
              c -> {
                c.publicKey = pem(ec.getPublic());
                c.algorithms = new String[] {"RS256, ES256"};
              });
      assertEquals("MTN-000123", provider.verify(signEs256(claims().build())).subject());
    }

    @Test
    void publicKeyFromFile(@TempDir Path dir) throws Exception {
      Path file = dir.resolve("mtnet.pem");
      Files.writeString(file, pem(ec.getPublic()));
      MtnetIdentityProvider provider =
          provider(
              c -> {
                c.publicKey = null;
                c.publicKeyFile = file.toString();
              });
      Files.delete(file); // read at activation, not per request
      assertEquals("MTN-000123", provider.verify(signEs256(claims().build())).subject());
    }

    @Test
    void es384WithAP384Key() throws Exception {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(new ECGenParameterSpec("secp384r1"));
      KeyPair p384 = gen.generateKeyPair();
      MtnetIdentityProvider provider =
          provider(
              c -> {
                c.publicKey = pem(p384.getPublic());
                c.algorithms = new String[] {"ES256", "ES384"};
              });
      String token =
          sign(
              JWSAlgorithm.ES384,
              new ECDSASigner((ECPrivateKey) p384.getPrivate()),
              claims().build());
      assertEquals("MTN-000123", provider.verify(token).subject());
    }
  }

  // --- refused ---------------------------------------------------------------------------------

  @Nested
  class Refused {
    @Test
    void expired() throws Exception {
      JWTClaimsSet claims =
          claims()
              .issueTime(Date.from(NOW.minusSeconds(400)))
              .expirationTime(Date.from(NOW.minusSeconds(61)))
              .build();
      assertEquals("assertion expired", refusal(rsaProvider(), signRs256(claims)));
    }

    @Test
    void expiredWithoutSkew() throws Exception {
      MtnetIdentityProvider provider = provider(c -> c.clockSkewSeconds = 0);
      JWTClaimsSet claims = claims().expirationTime(Date.from(NOW.minusSeconds(1))).build();
      assertEquals("assertion expired", refusal(provider, signRs256(claims)));
    }

    @Test
    void notBeforeInTheFuture() throws Exception {
      JWTClaimsSet claims =
          claims().issueTime(Date.from(NOW)).notBeforeTime(Date.from(NOW.plusSeconds(61))).build();
      assertEquals("assertion is not yet valid", refusal(rsaProvider(), signRs256(claims)));
    }

    @Test
    void issuedInTheFuture() throws Exception {
      JWTClaimsSet claims =
          claims()
              .issueTime(Date.from(NOW.plusSeconds(120)))
              .expirationTime(Date.from(NOW.plusSeconds(400)))
              .build();
      assertEquals("assertion is not yet valid", refusal(rsaProvider(), signRs256(claims)));
    }

    @Test
    void signedByAnotherRsaKey() throws Exception {
      String token =
          sign(JWSAlgorithm.RS256, new RSASSASigner(otherRsa.getPrivate()), claims().build());
      assertEquals("assertion signature is not valid", refusal(rsaProvider(), token));
    }

    @Test
    void keyEmbeddedInTheHeaderIsIgnored() throws Exception {
      // An attacker's own key in the "jwk" header must not be used to verify the signature.
      JWSHeader header =
          new JWSHeader.Builder(JWSAlgorithm.RS256)
              .jwk(new RSAKey.Builder((RSAPublicKey) otherRsa.getPublic()).build())
              .build();
      SignedJWT jwt = new SignedJWT(header, claims().build());
      jwt.sign(new RSASSASigner(otherRsa.getPrivate()));
      assertEquals("assertion signature is not valid", refusal(rsaProvider(), jwt.serialize()));
    }

    @Test
    void signedByAnotherEcKey() throws Exception {
      String token =
          sign(
              JWSAlgorithm.ES256,
              new ECDSASigner((ECPrivateKey) otherEc.getPrivate()),
              claims().build());
      assertEquals("assertion signature is not valid", refusal(ecProvider(), token));
    }

    @Test
    void payloadChangedAfterSigning() throws Exception {
      String[] parts = signRs256(claims().build()).split("\\.");
      String forged = claims().subject("MTN-ADMIN").build().toString();
      String token = parts[0] + "." + b64(forged) + "." + parts[2];
      assertEquals("assertion signature is not valid", refusal(rsaProvider(), token));
    }

    @Test
    void signatureCutShort() throws Exception {
      String token = signEs256(claims().build());
      String cut = token.substring(0, token.length() - 10);
      assertEquals("assertion signature is not valid", refusal(ecProvider(), cut));
    }

    @Test
    void emptySignature() throws Exception {
      String token = signRs256(claims().build());
      String unsigned = token.substring(0, token.lastIndexOf('.') + 1);
      assertEquals("assertion is malformed", refusal(rsaProvider(), unsigned));
    }

    @Test
    void wrongIssuer() throws Exception {
      JWTClaimsSet claims = claims().issuer("https://evil.example.com").build();
      assertEquals("assertion issuer is not valid", refusal(rsaProvider(), signRs256(claims)));
    }

    @Test
    void missingIssuer() throws Exception {
      JWTClaimsSet claims = claims().issuer(null).build();
      assertEquals("assertion issuer is not valid", refusal(rsaProvider(), signRs256(claims)));
    }

    @Test
    void wrongAudience() throws Exception {
      JWTClaimsSet claims = claims().audience(List.of("other-service", "portpass-test")).build();
      assertEquals("assertion audience is not valid", refusal(rsaProvider(), signRs256(claims)));
    }

    @Test
    void missingAudience() throws Exception {
      JWTClaimsSet claims = claims().audience((String) null).build();
      assertEquals("assertion audience is not valid", refusal(rsaProvider(), signRs256(claims)));
    }

    @Test
    void missingExpiry() throws Exception {
      JWTClaimsSet claims = claims().expirationTime(null).build();
      assertEquals("assertion has no expiry time", refusal(rsaProvider(), signRs256(claims)));
    }

    @Test
    void missingSubject() throws Exception {
      JWTClaimsSet claims = claims().subject(null).build();
      assertEquals("assertion has no subject", refusal(rsaProvider(), signRs256(claims)));
    }

    @Test
    void blankSubject() throws Exception {
      JWTClaimsSet claims = claims().subject(" ").build();
      assertEquals("assertion has no subject", refusal(rsaProvider(), signRs256(claims)));
    }

    @Test
    void missingJti() throws Exception {
      JWTClaimsSet claims = claims().jwtID(null).build();
      assertEquals("assertion has no id", refusal(rsaProvider(), signRs256(claims)));
    }

    @Test
    void blankJti() throws Exception {
      JWTClaimsSet claims = claims().jwtID("").build();
      assertEquals("assertion has no id", refusal(rsaProvider(), signRs256(claims)));
    }

    @Test
    void lifetimeTooLong() throws Exception {
      JWTClaimsSet claims =
          claims()
              .issueTime(Date.from(NOW.minusSeconds(100)))
              .expirationTime(Date.from(NOW.plusSeconds(501)))
              .build();
      assertEquals("assertion lifetime is too long", refusal(rsaProvider(), signRs256(claims)));
    }

    @Test
    void lifetimeTooLongFromNotBefore() throws Exception {
      JWTClaimsSet claims =
          claims()
              .issueTime(null)
              .notBeforeTime(Date.from(NOW))
              .expirationTime(Date.from(NOW.plusSeconds(3600)))
              .build();
      assertEquals("assertion lifetime is too long", refusal(rsaProvider(), signRs256(claims)));
    }

    @Test
    void lifetimeTooLongWithoutIatOrNbf() throws Exception {
      JWTClaimsSet claims =
          claims().issueTime(null).expirationTime(Date.from(NOW.plusSeconds(601))).build();
      assertEquals("assertion lifetime is too long", refusal(rsaProvider(), signRs256(claims)));
    }

    @Test
    void lifetimeLimitIsConfigurable() throws Exception {
      MtnetIdentityProvider provider = provider(c -> c.maxLifetimeSeconds = 120);
      assertEquals(
          "assertion lifetime is too long", refusal(provider, signRs256(claims().build())));
    }

    @Test
    void algNone() throws Exception {
      String token = b64("{\"alg\":\"none\"}") + "." + b64(claims().build().toString()) + ".";
      assertEquals("assertion is not signed", refusal(rsaProvider(), token));
    }

    @Test
    void algNoneWithTypAndSignaturePartOfAValidToken() throws Exception {
      String signature = signRs256(claims().build()).split("\\.")[2];
      String token =
          b64("{\"alg\":\"none\",\"typ\":\"JWT\"}")
              + "."
              + b64(claims().build().toString())
              + "."
              + signature;
      assertEquals("assertion is malformed", refusal(rsaProvider(), token));
    }

    @Test
    void algNoneInOtherCase() throws Exception {
      String token = b64("{\"alg\":\"NONE\"}") + "." + b64(claims().build().toString()) + ".AAAA";
      assertEquals("assertion algorithm is not allowed", refusal(rsaProvider(), token));
    }

    @Test
    void hs256WithASharedSecret() throws Exception {
      byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
      String token = sign(JWSAlgorithm.HS256, new MACSigner(secret), claims().build());
      assertEquals("assertion algorithm is not allowed", refusal(rsaProvider(), token));
    }

    @Test
    void hs256KeyedWithThePublicKeyBytes() throws Exception {
      // The classic key-confusion attack: HMAC keyed with the (public) RSA key.
      String token =
          sign(
              JWSAlgorithm.HS256, new MACSigner(pem(rsa.getPublic()).getBytes()), claims().build());
      assertEquals("assertion algorithm is not allowed", refusal(rsaProvider(), token));
    }

    @Test
    void rsaAlgorithmNotConfigured() throws Exception {
      String token = sign(JWSAlgorithm.RS512, new RSASSASigner(rsa.getPrivate()), claims().build());
      assertEquals("assertion algorithm is not allowed", refusal(rsaProvider(), token));
    }

    @Test
    void es256AgainstAnRsaKey() throws Exception {
      assertEquals(
          "assertion algorithm is not allowed",
          refusal(rsaProvider(), signEs256(claims().build())));
    }

    @Test
    void rs256AgainstAnEcKey() throws Exception {
      assertEquals(
          "assertion algorithm is not allowed", refusal(ecProvider(), signRs256(claims().build())));
    }

    @Test
    void claimOfTheWrongType() throws Exception {
      String token =
          rs256Json(
              "{\"iss\":\""
                  + ISSUER
                  + "\",\"aud\":\"portpass\",\"sub\":\"MTN-1\",\"jti\":\"x\",\"exp\":\"tomorrow\"}");
      assertEquals("assertion is malformed", refusal(rsaProvider(), token));
    }

    @Test
    void payloadNotJson() throws Exception {
      assertEquals("assertion is malformed", refusal(rsaProvider(), rs256Json("hello")));
    }

    @Test
    void garbage() {
      MtnetIdentityProvider provider = rsaProvider();
      assertEquals("assertion is missing", refusal(provider, null));
      assertEquals("assertion is missing", refusal(provider, ""));
      assertEquals("assertion is missing", refusal(provider, "  "));
      assertEquals("assertion is malformed", refusal(provider, "not-a-token"));
      assertEquals("assertion is malformed", refusal(provider, "a.b.c"));
      assertEquals("assertion is malformed", refusal(provider, "a.b"));
      assertEquals("assertion is malformed", refusal(provider, "...."));
      assertEquals("assertion is malformed", refusal(provider, b64("[1,2]") + ".e30.AA"));
      assertEquals("assertion is malformed", refusal(provider, "eyJhbGciOi@#$%.e30.AA"));
    }

    @Test
    void tooLarge() throws Exception {
      String big =
          claims()
              .claim("pad", "x".repeat(MtnetIdentityProvider.MAX_ASSERTION_LENGTH))
              .build()
              .toString();
      assertEquals("assertion is too large", refusal(rsaProvider(), rs256Json(big)));
    }
  }

  // --- public keys -----------------------------------------------------------------------------

  @Nested
  class PublicKeys {
    @Test
    void rsaPem() {
      PublicKey key = IssuerKey.parsePublicKey(pem(rsa.getPublic()));
      assertInstanceOf(RSAPublicKey.class, key);
      assertEquals(rsa.getPublic(), key);
    }

    @Test
    void ecPem() {
      PublicKey key = IssuerKey.parsePublicKey(pem(ec.getPublic()));
      assertInstanceOf(ECPublicKey.class, key);
      assertEquals(ec.getPublic(), key);
    }

    @Test
    void pemOnOneLineAsInAPropertiesFile() {
      String oneLine = pem(ec.getPublic()).replace("\n", "");
      assertEquals(ec.getPublic(), IssuerKey.parsePublicKey(oneLine));
    }

    @Test
    void pemWithCrLfAndSurroundingText() {
      String text = "MTNet key 2025\r\n" + pem(rsa.getPublic()).replace("\n", "\r\n") + "end\r\n";
      assertEquals(rsa.getPublic(), IssuerKey.parsePublicKey(text));
    }

    @Test
    void pkcs1RsaPemIsRefusedWithAHint() {
      String pkcs1 = pem(rsa.getPublic()).replace("PUBLIC KEY", "RSA PUBLIC KEY");
      String message = parseError(pkcs1);
      assertTrue(message.contains("-----BEGIN PUBLIC KEY-----"), message);
      assertTrue(message.contains("RSA PUBLIC KEY"), message);
    }

    @Test
    void certificateIsRefused() {
      String cert = pem(rsa.getPublic()).replace("PUBLIC KEY", "CERTIFICATE");
      assertTrue(parseError(cert).contains("not 'CERTIFICATE'"));
    }

    @Test
    void notPem() {
      assertTrue(parseError("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA").contains("not PEM"));
    }

    @Test
    void badBase64() {
      String bad = "-----BEGIN PUBLIC KEY-----\nMIIB*Ij!!\n-----END PUBLIC KEY-----\n";
      assertEquals("the public key PEM is not valid base64", parseError(bad));
    }

    @Test
    void notAKey() {
      String bad =
          "-----BEGIN PUBLIC KEY-----\n"
              + Base64.getEncoder().encodeToString("definitely not DER".getBytes())
              + "\n-----END PUBLIC KEY-----\n";
      assertEquals("the public key PEM is not an RSA or EC public key", parseError(bad));
    }

    @Test
    void mismatchedEndLine() {
      String bad = pem(rsa.getPublic()).replace("END PUBLIC KEY", "END PRIVATE KEY");
      assertTrue(parseError(bad).contains("not PEM"));
    }

    private String parseError(String pem) {
      return assertThrows(IllegalArgumentException.class, () -> IssuerKey.parsePublicKey(pem))
          .getMessage();
    }
  }

  // --- configuration ---------------------------------------------------------------------------

  @Nested
  class Configuration {
    @Test
    void issuerRequired() {
      assertEquals("issuer is required", configError(c -> c.issuer = null));
      assertEquals("issuer is required", configError(c -> c.issuer = " "));
    }

    @Test
    void audienceRequired() {
      assertEquals("audience is required", configError(c -> c.audience = null));
    }

    @Test
    void keyRequired() {
      assertEquals(
          "set exactly one of publicKey and publicKeyFile", configError(c -> c.publicKey = ""));
    }

    @Test
    void notBothKeyAndFile() {
      assertEquals(
          "set exactly one of publicKey and publicKeyFile",
          configError(c -> c.publicKeyFile = "/etc/mtnet.pem"));
    }

    @Test
    void badPem() {
      assertTrue(configError(c -> c.publicKey = "not a key").contains("not PEM"));
    }

    @Test
    void missingKeyFile(@TempDir Path dir) {
      Path missing = dir.resolve("missing.pem");
      String message =
          configError(
              c -> {
                c.publicKey = null;
                c.publicKeyFile = missing.toString();
              });
      assertTrue(message.startsWith("publicKeyFile " + missing + " cannot be read"), message);
    }

    @Test
    void shortRsaKey() throws Exception {
      KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
      gen.initialize(1024);
      PublicKey weak = gen.generateKeyPair().getPublic();
      assertEquals(
          "the RSA public key has 1024 bits, at least 2048 needed",
          configError(c -> c.publicKey = pem(weak)));
    }

    @Test
    void noneIsNotAnAlgorithm() {
      assertEquals(
          "algorithm none is not supported (RSA and EC signature algorithms only)",
          configError(c -> c.algorithms = new String[] {"RS256", "none"}));
    }

    @Test
    void hmacIsNotAllowed() {
      assertEquals(
          "algorithm HS256 is not supported (RSA and EC signature algorithms only)",
          configError(c -> c.algorithms = new String[] {"HS256"}));
    }

    @Test
    void unknownAlgorithm() {
      assertTrue(configError(c -> c.algorithms = new String[] {"RS257"}).contains("RS257"));
    }

    @Test
    void noAlgorithmFitsTheKey() {
      String message = configError(c -> c.algorithms = new String[] {"ES256"});
      assertTrue(
          message.startsWith("none of the algorithms ES256 fits the RSA public key"), message);
    }

    @Test
    void noAlgorithms() {
      assertTrue(
          configError(c -> c.algorithms = new String[0]).startsWith("none of the algorithms"));
    }

    @Test
    void negativeSkew() {
      assertEquals(
          "clockSkewSeconds must be at least 0, not -1", configError(c -> c.clockSkewSeconds = -1));
    }

    @Test
    void zeroLifetime() {
      assertEquals(
          "maxLifetimeSeconds must be at least 1, not 0",
          configError(c -> c.maxLifetimeSeconds = 0));
    }
  }

  // --- OSGi descriptors generated by bnd ---------------------------------------------------------

  @Nested
  class Descriptors {
    @Test
    void componentRequiresConfigurationAndIsNamedMtnet() throws Exception {
      String xml = resource("OSGI-INF/" + MtnetIdentityProvider.class.getName() + ".xml");
      assertTrue(xml.contains("configuration-policy=\"require\""), xml);
      assertTrue(xml.contains("configuration-pid=\"org.portpass.auth.mtnet\""), xml);
      assertTrue(xml.contains("name=\"portpass.idp\""), xml);
      assertTrue(xml.contains("value=\"mtnet\""), xml);
      assertTrue(xml.contains("interface=\"org.portpass.auth.IdentityProvider\""), xml);
    }

    @Test
    void metatypeDefaults() throws Exception {
      String xml =
          resource("OSGI-INF/metatype/" + MtnetIdentityProvider.Config.class.getName() + ".xml");
      assertTrue(xml.contains("pid=\"org.portpass.auth.mtnet\""), xml);
      assertTrue(xml.contains("id=\"algorithms\""), xml);
      assertTrue(xml.contains("default=\"RS256,ES256\""), xml);
      assertTrue(xml.contains("default=\"600\""), xml);
    }

    private String resource(String name) throws Exception {
      try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
        assertNotNull(in, name + " not generated (bnd-process runs before the tests)");
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }
}
