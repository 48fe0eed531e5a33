package org.portpass.auth.mtnet.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.security.PublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.portpass.auth.IdentityProvider;
import org.portpass.auth.InvalidAssertionException;
import org.portpass.auth.VerifiedIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MTNet (航港單一窗口, Taiwan's maritime single window) as an identity provider. MTNet proves who someone
 * is with a signed JWT assertion and sends no personal or company data.
 *
 * <p>An assertion is accepted only if it is a compact JWS signed with an allowed RSA or EC
 * algorithm ({@code none} and HMAC never are) by the configured MTNet public key; {@code iss}
 * equals the configured issuer and {@code aud} contains the configured audience; it has {@code
 * exp}, {@code sub} and {@code jti}; it is not expired ({@code exp + skew < now}) nor not yet valid
 * ({@code nbf} or {@code iat} after {@code now + skew}); and it does not live longer than {@code
 * maxLifetimeSeconds} (from {@code iat}, else {@code nbf}, else now). Refusing a second use of the
 * same {@code jti} is the login service's job.
 */
@Component(
    configurationPid = MtnetIdentityProvider.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    property = IdentityProvider.NAME + "=" + MtnetIdentityProvider.NAME)
@Designate(ocd = MtnetIdentityProvider.Config.class)
public class MtnetIdentityProvider implements IdentityProvider {
  static final String PID = "org.portpass.auth.mtnet";
  static final String NAME = "mtnet";

  /** Longer input is refused before parsing; real assertions are a few hundred bytes. */
  static final int MAX_ASSERTION_LENGTH = 16 * 1024;

  private static final Logger LOG = LoggerFactory.getLogger(MtnetIdentityProvider.class);

  @ObjectClassDefinition(
      name = "PortPass MTNet identity provider",
      description = "Verifies MTNet (航港單一窗口) login assertions: signed JWTs")
  public @interface Config {
    @AttributeDefinition(description = "Expected 'iss' claim of MTNet assertions")
    String issuer();

    @AttributeDefinition(description = "'aud' value that marks an assertion as meant for PortPass")
    String audience();

    @AttributeDefinition(
        required = false,
        description = "MTNet's public key, PEM (-----BEGIN PUBLIC KEY-----), RSA or EC")
    String publicKey();

    @AttributeDefinition(
        required = false,
        description = "File with MTNet's PEM public key, instead of publicKey; read at activation")
    String publicKeyFile();

    @AttributeDefinition(description = "Accepted JWS algorithms (RSA and EC families only)")
    String[] algorithms() default {"RS256", "ES256"};

    @AttributeDefinition(description = "Tolerated clock difference, in seconds")
    long clockSkewSeconds() default 60;

    @AttributeDefinition(description = "Assertions valid for longer than this are refused")
    long maxLifetimeSeconds() default 600;
  }

  private final Clock clock;
  private final String issuer;
  private final String audience;
  private final JWSVerifier verifier;
  private final Set<JWSAlgorithm> algorithms;
  private final Duration skew;
  private final Duration maxLifetime;

  @Activate
  public MtnetIdentityProvider(Config config) {
    this(config, Clock.systemUTC());
  }

  MtnetIdentityProvider(Config config, Clock clock) {
    try {
      this.clock = clock;
      this.issuer = required("issuer", config.issuer());
      this.audience = required("audience", config.audience());
      PublicKey key =
          IssuerKey.parsePublicKey(IssuerKey.pemText(config.publicKey(), config.publicKeyFile()));
      this.verifier = IssuerKey.verifier(key);
      this.algorithms =
          IssuerKey.algorithms(config.algorithms(), verifier.supportedJWSAlgorithms(), key);
      this.skew = seconds("clockSkewSeconds", config.clockSkewSeconds(), 0);
      this.maxLifetime = seconds("maxLifetimeSeconds", config.maxLifetimeSeconds(), 1);
    } catch (IllegalArgumentException e) {
      LOG.error(
          "MTNet identity provider not started, fix configuration {}: {}", PID, e.getMessage());
      throw e;
    }
    LOG.info(
        "MTNet identity provider ready: issuer {}, audience {}, algorithms {}",
        issuer,
        audience,
        algorithms);
  }

  @Override
  public VerifiedIdentity verify(String assertion) throws InvalidAssertionException {
    SignedJWT jwt = parse(assertion);
    if (!algorithms.contains(jwt.getHeader().getAlgorithm())) {
      throw refused("assertion algorithm is not allowed");
    }
    if (!signatureValid(jwt)) {
      throw refused("assertion signature is not valid");
    }
    JWTClaimsSet claims;
    try {
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw refused("assertion is malformed");
    }
    if (!issuer.equals(claims.getIssuer())) {
      throw refused("assertion issuer is not valid");
    }
    List<String> audiences = claims.getAudience();
    if (audiences == null || !audiences.contains(audience)) {
      throw refused("assertion audience is not valid");
    }
    Instant exp = checkTimes(claims);
    String subject = claims.getSubject();
    if (subject == null || subject.isBlank()) {
      throw refused("assertion has no subject");
    }
    String id = claims.getJWTID();
    if (id == null || id.isBlank()) {
      throw refused("assertion has no id");
    }
    return new VerifiedIdentity(
        NAME, subject, id, exp, stringClaim(claims, "name"), stringClaim(claims, "email"));
  }

  /** The assertion's expiry, once its times allow it now (within the clock skew). */
  private Instant checkTimes(JWTClaimsSet claims) throws InvalidAssertionException {
    Instant now = clock.instant();
    Instant exp = instant(claims.getExpirationTime());
    Instant nbf = instant(claims.getNotBeforeTime());
    Instant iat = instant(claims.getIssueTime());
    if (exp == null) {
      throw refused("assertion has no expiry time");
    }
    if (now.isAfter(exp.plus(skew))) {
      throw refused("assertion expired");
    }
    Instant latestAllowedStart = now.plus(skew);
    if ((nbf != null && nbf.isAfter(latestAllowedStart))
        || (iat != null && iat.isAfter(latestAllowedStart))) {
      throw refused("assertion is not yet valid");
    }
    Instant start = iat != null ? iat : nbf != null ? nbf : now;
    if (Duration.between(start, exp).compareTo(maxLifetime) > 0) {
      throw refused("assertion lifetime is too long");
    }
    return exp;
  }

  private static SignedJWT parse(String assertion) throws InvalidAssertionException {
    if (assertion == null || assertion.isBlank()) {
      throw refused("assertion is missing");
    }
    if (assertion.length() > MAX_ASSERTION_LENGTH) {
      throw refused("assertion is too large");
    }
    JWT jwt;
    try {
      jwt = JWTParser.parse(assertion.strip());
    } catch (ParseException | RuntimeException e) {
      throw refused("assertion is malformed");
    }
    if (jwt instanceof SignedJWT signed) {
      return signed;
    }
    throw refused(jwt instanceof PlainJWT ? "assertion is not signed" : "assertion is malformed");
  }

  private boolean signatureValid(SignedJWT jwt) {
    try {
      return jwt.verify(verifier);
    } catch (JOSEException | RuntimeException e) {
      return false;
    }
  }

  private static InvalidAssertionException refused(String reason) {
    LOG.debug("MTNet assertion refused: {}", reason);
    return new InvalidAssertionException(reason);
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String stringClaim(JWTClaimsSet claims, String name) {
    return claims.getClaim(name) instanceof String value && !value.isBlank() ? value : null;
  }

  // --- configuration -------------------------------------------------------------------------

  private static String required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is required");
    }
    return value.strip();
  }

  private static Duration seconds(String name, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ", not " + value);
    }
    return Duration.ofSeconds(value);
  }
}
