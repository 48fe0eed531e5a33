package org.portpass.auth.internal.service;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.portpass.auth.Account;
import org.portpass.auth.LoginResult;
import org.portpass.auth.VerifiedIdentity;
import org.portpass.auth.internal.entity.RevokedTokenEntity;
import org.portpass.core.Caller;
import org.portpass.core.Role;
import org.portpass.core.UnauthorizedException;
import org.portpass.storage.Transactions;

/**
 * The signed tokens: an access token after a login (checked on every request, revoked by logout on
 * every node), and the short completion token of an external login whose account is not complete.
 */
final class AccessTokens {
  private static final String ACCESS = "access";
  private static final String COMPLETION = "completion";
  private static final Duration COMPLETION_LIFETIME = Duration.ofMinutes(15);

  private final Transactions tx;
  private final TokenKeys keys;
  private final VerifiedTokens verified = new VerifiedTokens();
  private final Revocations revocations;
  private volatile Duration lifetime;

  AccessTokens(Transactions tx, AuthConfig config) {
    this.tx = tx;
    this.keys = TokenKeys.loadOrCreate(tx);
    this.revocations = new Revocations(tx);
    configure(config);
  }

  void configure(AuthConfig config) {
    this.lifetime = Duration.ofMinutes(config.tokenMinutes());
  }

  void close() {
    revocations.close();
  }

  LoginResult issue(Account account) {
    Instant now = Instant.now();
    Instant expires = now.plus(lifetime);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(TokenKeys.ISSUER)
            .subject(Long.toString(account.id()))
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .claim("typ", ACCESS)
            .claim("username", account.username())
            .claim("roles", account.roles().stream().map(Role::name).sorted().toList())
            .claim("company", account.companyId())
            .claim("ports", account.ports().stream().sorted().toList())
            .build();
    return new LoginResult(keys.sign(claims), expires, account, List.of(), null);
  }

  /** No access yet: what the account lacks, and a token to complete it with. */
  LoginResult incomplete(VerifiedIdentity identity, List<String> missing) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(TokenKeys.ISSUER)
            .subject(identity.subject())
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(COMPLETION_LIFETIME)))
            .claim("typ", COMPLETION)
            .claim("idp", identity.provider())
            .build();
    return new LoginResult(null, null, null, missing, keys.sign(claims));
  }

  /** The claims of a completion token: the identity provider ("idp") and its subject. */
  JWTClaimsSet completion(String token) {
    return keys.verify(token == null ? "" : token, COMPLETION);
  }

  Caller authenticate(String token, String address, String requestId) {
    JWTClaimsSet claims = verified.claims(token);
    if (claims == null) {
      claims = keys.verify(token, ACCESS);
      verified.put(token, claims);
    }
    if (revocations.isRevoked(claims.getJWTID())) {
      throw new UnauthorizedException("you have logged out; log in again", "logged-out");
    }
    try {
      Set<Role> roles = EnumSet.noneOf(Role.class);
      for (String role : claims.getStringListClaim("roles")) {
        roles.add(Role.valueOf(role));
      }
      Long company = claims.getLongClaim("company");
      List<String> ports = claims.getStringListClaim("ports");
      return new Caller(
          claims.getStringClaim("username"),
          roles,
          company,
          new HashSet<>(ports),
          address,
          requestId);
    } catch (ParseException | IllegalArgumentException | NullPointerException e) {
      throw new UnauthorizedException("the token is not valid", "token-invalid");
    }
  }

  void logout(String token) {
    JWTClaimsSet claims = keys.verify(token, ACCESS);
    tx.write(
        em -> {
          if (em.find(RevokedTokenEntity.class, claims.getJWTID()) == null) {
            RevokedTokenEntity revoked = new RevokedTokenEntity();
            revoked.setTokenId(claims.getJWTID());
            revoked.setExpiresAt(claims.getExpirationTime());
            em.persist(revoked);
          }
        });
    revocations.add(claims.getJWTID(), claims.getExpirationTime());
  }
}
