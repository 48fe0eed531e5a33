package org.portpass.auth.internal.service;

import com.nimbusds.jwt.JWTClaimsSet;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.portpass.auth.Account;
import org.portpass.auth.AccountService;
import org.portpass.auth.AccountStatus;
import org.portpass.auth.AuthenticationService;
import org.portpass.auth.Completion;
import org.portpass.auth.IdentityProvider;
import org.portpass.auth.InvalidAssertionException;
import org.portpass.auth.LoginResult;
import org.portpass.auth.Registration;
import org.portpass.auth.VerifiedIdentity;
import org.portpass.auth.internal.entity.AccountEntity;
import org.portpass.auth.internal.entity.ExternalIdentityEntity;
import org.portpass.auth.internal.entity.RevokedTokenEntity;
import org.portpass.auth.internal.entity.UsedAssertionEntity;
import org.portpass.core.AuditLog;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.Role;
import org.portpass.core.Texts;
import org.portpass.core.UnauthorizedException;
import org.portpass.core.ValidationException;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;

/**
 * Direct and external login, and the bearer tokens that follow. Failed logins are throttled by
 * {@link LoginThrottle}, in the database, so throttling holds across server nodes.
 */
@Component(configurationPid = AuthConfig.PID)
public class AuthenticationServiceImpl implements AuthenticationService {
  private static final String ACCESS = "access";
  private static final String COMPLETION = "completion";
  private static final Duration COMPLETION_LIFETIME = Duration.ofMinutes(15);

  private final Transactions tx;
  private final AccountService accounts;
  private final AuditLog audit;
  private final TokenKeys keys;
  private final LoginThrottle throttle;
  private final VerifiedTokens verified = new VerifiedTokens();
  private final Revocations revocations;
  private final Map<String, IdentityProvider> providers = new ConcurrentHashMap<>();
  private volatile AuthConfig config;
  private volatile PasswordHasher hasher;

  @Activate
  public AuthenticationServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-auth)") JpaTemplate jpa,
      @Reference(target = AuthSchema.READY) SchemaReady schema,
      @Reference AccountService accounts,
      @Reference AuditLog audit,
      AuthConfig config) {
    this.tx = new Transactions(jpa);
    this.accounts = accounts;
    this.audit = audit;
    this.keys = TokenKeys.loadOrCreate(tx);
    this.throttle = new LoginThrottle(tx);
    this.revocations = new Revocations(tx);
    modified(config);
  }

  @Deactivate
  void deactivate() {
    revocations.close();
  }

  @Modified
  void modified(AuthConfig config) {
    this.config = config;
    this.hasher = new PasswordHasher(config.pbkdf2Iterations());
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      target = "(" + IdentityProvider.NAME + "=*)")
  void addProvider(IdentityProvider provider, Map<String, Object> properties) {
    providers.put(String.valueOf(properties.get(IdentityProvider.NAME)), provider);
  }

  void removeProvider(IdentityProvider provider, Map<String, Object> properties) {
    providers.remove(String.valueOf(properties.get(IdentityProvider.NAME)), provider);
  }

  @Override
  public LoginResult login(String username, String password, String address, String requestId) {
    String name = Accounts.normalise(username);
    Caller anonymous = anonymous(name, address, requestId);
    AccountEntity account = checkCredentials(name, password, address, anonymous);
    return tx.write(
        em -> {
          LoginThrottle.succeeded(em, name, address);
          AccountEntity e = em.find(AccountEntity.class, account.getId());
          e.setLastLoginAt(new Date());
          AuditTrail.append(em, anonymous, "auth.login", "account", name, null, "direct");
          return Accounts.view(e, Accounts.linked(em, e.getId()));
        },
        this::issue);
  }

  @Override
  public LoginResult loginExternal(
      String provider, String assertion, String address, String requestId) {
    IdentityProvider idp = providers.get(provider);
    if (idp == null) {
      throw ValidationException.of(
          "provider",
          "no-provider",
          "no identity provider " + provider + " is configured",
          provider);
    }
    VerifiedIdentity identity;
    try {
      identity = idp.verify(assertion);
    } catch (InvalidAssertionException e) {
      audit.record(
          anonymous(provider, address, requestId),
          "auth.external.failed",
          "idp",
          provider,
          null,
          e.getMessage());
      // the identity provider's own reason (English) stays inside the translated sentence
      throw new UnauthorizedException(
          e.getMessage(), "assertion-refused", provider, e.getMessage());
    }
    Caller anonymous = anonymous(provider + ":" + identity.subject(), address, requestId);
    try {
      tx.write(
          em -> {
            UsedAssertionEntity used = new UsedAssertionEntity();
            used.setAssertionKey(Texts.cut(provider + ":" + identity.assertionId(), 300));
            used.setExpiresAt(Date.from(identity.expiresAt()));
            em.persist(used);
          });
    } catch (ConflictException replay) {
      audit.record(
          anonymous, "auth.external.replay", "idp", provider, null, identity.assertionId());
      throw new UnauthorizedException(
          "this assertion was already used; log in at " + provider + " again",
          "assertion-used",
          provider);
    }
    return tx.write(
        em -> {
          ExternalIdentityEntity link = Accounts.identity(em, provider, identity.subject());
          AccountEntity account =
              link == null ? null : em.find(AccountEntity.class, link.getAccountId());
          AuditTrail.append(
              em,
              anonymous,
              "auth.login",
              "account",
              account == null ? null : account.getUsername(),
              null,
              provider);
          if (account != null) {
            account.setLastLoginAt(new Date());
          }
          return account;
        },
        account -> {
          if (account == null) {
            return incomplete(
                identity, List.of("username", "displayName", "phone", "companyTaxId"));
          }
          if (account.getStatus() != AccountStatus.ACTIVE) {
            throw new UnauthorizedException(
                "this account is disabled; ask your administrator", "account-disabled");
          }
          List<String> missing = missingData(account);
          return missing.isEmpty()
              ? issue(Accounts.view(account, true))
              : incomplete(identity, missing);
        });
  }

  @Override
  public LoginResult complete(Completion c, String address, String requestId) {
    JWTClaimsSet claims =
        keys.verify(c.completionToken() == null ? "" : c.completionToken(), COMPLETION);
    String provider = (String) claims.getClaim("idp");
    String subject = claims.getSubject();
    Caller anonymous = anonymous(provider + ":" + subject, address, requestId);
    Long linked =
        tx.read(
            em -> {
              ExternalIdentityEntity link = Accounts.identity(em, provider, subject);
              return link == null ? null : link.getAccountId();
            });
    long accountId;
    if (linked != null) {
      accountId = linked;
    } else if (c.password() != null) {
      accountId = verifyForLink(c.username(), c.password(), address, requestId);
    } else {
      accountId = registerWithoutPassword(c, address);
    }
    return tx.write(
        em -> {
          AccountEntity account = em.find(AccountEntity.class, accountId);
          if (account.getStatus() != AccountStatus.ACTIVE) {
            throw new UnauthorizedException(
                "this account is disabled; ask your administrator", "account-disabled");
          }
          if (linked == null) {
            ExternalIdentityEntity link = new ExternalIdentityEntity();
            link.setProvider(provider);
            link.setSubject(subject);
            link.setAccountId(accountId);
            link.setLinkedAt(new Date());
            em.persist(link);
            AuditTrail.append(
                em,
                anonymous,
                "auth.external.link",
                "account",
                account.getUsername(),
                null,
                provider);
          }
          if (account.getDisplayName() == null && c.displayName() != null) {
            account.setDisplayName(c.displayName().strip());
          }
          if (account.getPhone() == null && c.phone() != null) {
            account.setPhone(c.phone().strip());
          }
          if (account.getEmail() == null && c.email() != null) {
            account.setEmail(c.email().strip());
          }
          List<String> missing = missingData(account);
          if (!missing.isEmpty()) {
            throw new ValidationException(
                missing.stream().map(org.portpass.core.FieldError::required).toList());
          }
          account.setLastLoginAt(new Date());
          return Accounts.view(account, true);
        },
        this::issue);
  }

  @Override
  public Caller authenticate(String token, String address, String requestId) {
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

  @Override
  public void logout(String token) {
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

  private LoginResult issue(Account account) {
    Instant now = Instant.now();
    Instant expires = now.plus(Duration.ofMinutes(config.tokenMinutes()));
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

  private LoginResult incomplete(VerifiedIdentity identity, List<String> missing) {
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

  /** What the pass system needs of an account before it can be used. */
  private static List<String> missingData(AccountEntity account) {
    List<String> missing = new ArrayList<>();
    if (account.getDisplayName() == null) {
      missing.add("displayName");
    }
    if (account.getPhone() == null) {
      missing.add("phone");
    }
    if (account.getRoles().stream().anyMatch(Role::isCompanyRole)
        && account.getCompanyId() == null) {
      missing.add("companyTaxId");
    }
    return missing;
  }

  /**
   * The account whose credentials link an external identity: checked as a direct login is, so
   * guessing is throttled and counted, and a disabled account is refused.
   */
  private long verifyForLink(String username, String password, String address, String requestId) {
    String name = Accounts.normalise(username);
    Caller anonymous = anonymous(name, address, requestId);
    return checkCredentials(name, password, address, anonymous).getId();
  }

  /**
   * The active account with this user name and password. Every try is throttled and a failure
   * counted; an unknown user name costs the same hashing as a known one.
   */
  private AccountEntity checkCredentials(
      String name, String password, String address, Caller anonymous) {
    throttle.requireNotLocked(config, name, address, anonymous);
    AccountEntity account = tx.read(em -> Accounts.byUsername(em, name));
    boolean valid =
        account != null && account.getPasswordHash() != null
            ? hasher.matches(password, account.getPasswordHash())
            : burn(password);
    if (!valid) {
      throttle.failed(config, name, address, anonymous);
      throw new UnauthorizedException("the user name or password is not right", "login-wrong");
    }
    if (account.getStatus() != AccountStatus.ACTIVE) {
      throw new UnauthorizedException(
          "this account is disabled; ask your administrator", "account-disabled");
    }
    return account;
  }

  /** An MTNet-only company account: a registration whose password is never usable. */
  private long registerWithoutPassword(Completion c, String address) {
    Account created =
        accounts.register(
            new Registration(
                c.username(),
                UUID.randomUUID() + "-external-only",
                c.displayName(),
                c.email(),
                c.phone(),
                c.companyTaxId(),
                c.companyName()),
            address);
    tx.write(em -> em.find(AccountEntity.class, created.id()).setPasswordHash(null));
    return created.id();
  }

  private boolean burn(String password) {
    hasher.burn(password);
    return false;
  }

  private static Caller anonymous(String who, String address, String requestId) {
    return new Caller(Texts.cut("login:" + who, 128), Set.of(), null, Set.of(), address, requestId);
  }
}
