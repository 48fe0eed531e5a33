package org.portpass.auth.internal.service;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.persistence.EntityManager;
import org.portpass.auth.Account;
import org.portpass.auth.AccountService;
import org.portpass.auth.Completion;
import org.portpass.auth.IdentityProvider;
import org.portpass.auth.InvalidAssertionException;
import org.portpass.auth.LoginResult;
import org.portpass.auth.Registration;
import org.portpass.auth.VerifiedIdentity;
import org.portpass.auth.internal.entity.AccountEntity;
import org.portpass.auth.internal.entity.ExternalIdentityEntity;
import org.portpass.auth.internal.entity.UsedAssertionEntity;
import org.portpass.core.AuditLog;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.FieldError;
import org.portpass.core.Role;
import org.portpass.core.Texts;
import org.portpass.core.UnauthorizedException;
import org.portpass.core.ValidationException;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.Transactions;

/**
 * Login through an identity provider (MTNet): the assertion is verified and used once; a linked
 * complete account gets its access token, anyone else a completion token, and the completion links
 * the identity to an existing account (by its password) or registers a company account without one.
 */
final class ExternalLogin {
  private static final List<String> NEW_ACCOUNT_DATA =
      List.of("username", "displayName", "phone", "companyTaxId");

  private final Transactions tx;
  private final AccountService accounts;
  private final AuditLog audit;
  private final Credentials credentials;
  private final AccessTokens tokens;
  private final Map<String, IdentityProvider> providers = new ConcurrentHashMap<>();

  ExternalLogin(
      Transactions tx,
      AccountService accounts,
      AuditLog audit,
      Credentials credentials,
      AccessTokens tokens) {
    this.tx = tx;
    this.accounts = accounts;
    this.audit = audit;
    this.credentials = credentials;
    this.tokens = tokens;
  }

  void addProvider(String name, IdentityProvider provider) {
    providers.put(name, provider);
  }

  void removeProvider(String name, IdentityProvider provider) {
    providers.remove(name, provider);
  }

  LoginResult login(String provider, String assertion, String address, String requestId) {
    VerifiedIdentity identity = verify(provider, assertion, address, requestId);
    Caller anonymous =
        Credentials.anonymous(provider + ":" + identity.subject(), address, requestId);
    useOnce(provider, identity, anonymous);
    return tx.write(
        em -> recordLogin(em, provider, identity, anonymous),
        account -> {
          if (account == null) {
            return tokens.incomplete(identity, NEW_ACCOUNT_DATA);
          }
          Credentials.requireActive(account);
          List<String> missing = missingData(account);
          return missing.isEmpty()
              ? tokens.issue(Accounts.view(account, true))
              : tokens.incomplete(identity, missing);
        });
  }

  LoginResult complete(Completion c, String address, String requestId) {
    JWTClaimsSet claims = tokens.completion(c.completionToken());
    String provider = (String) claims.getClaim("idp");
    String subject = claims.getSubject();
    Caller anonymous = Credentials.anonymous(provider + ":" + subject, address, requestId);
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
          Credentials.requireActive(account);
          if (linked == null) {
            link(em, anonymous, account, provider, subject);
          }
          fillMissing(account, c);
          account.setLastLoginAt(new Date());
          return Accounts.view(account, true);
        },
        tokens::issue);
  }

  private VerifiedIdentity verify(
      String provider, String assertion, String address, String requestId) {
    IdentityProvider idp = providers.get(provider);
    if (idp == null) {
      throw ValidationException.of(
          "provider",
          "no-provider",
          "no identity provider " + provider + " is configured",
          provider);
    }
    try {
      return idp.verify(assertion);
    } catch (InvalidAssertionException e) {
      audit.record(
          Credentials.anonymous(provider, address, requestId),
          "auth.external.failed",
          "idp",
          provider,
          null,
          e.getMessage());
      // the identity provider's own reason (English) stays inside the translated sentence
      throw new UnauthorizedException(
          e.getMessage(), "assertion-refused", provider, e.getMessage());
    }
  }

  /** An assertion logs in once: its id is kept until it expires, and a replay is refused. */
  private void useOnce(String provider, VerifiedIdentity identity, Caller anonymous) {
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
  }

  /** The linked account (or null), its login audited and its last login time set. */
  private static AccountEntity recordLogin(
      EntityManager em, String provider, VerifiedIdentity identity, Caller anonymous) {
    ExternalIdentityEntity link = Accounts.identity(em, provider, identity.subject());
    AccountEntity account = link == null ? null : em.find(AccountEntity.class, link.getAccountId());
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
  }

  private static void link(
      EntityManager em, Caller anonymous, AccountEntity account, String provider, String subject) {
    ExternalIdentityEntity link = new ExternalIdentityEntity();
    link.setProvider(provider);
    link.setSubject(subject);
    link.setAccountId(account.getId());
    link.setLinkedAt(new Date());
    em.persist(link);
    AuditTrail.append(
        em, anonymous, "auth.external.link", "account", account.getUsername(), null, provider);
  }

  /** The completion fills what the account lacks, never what it has; it must then be complete. */
  private static void fillMissing(AccountEntity account, Completion c) {
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
      throw new ValidationException(missing.stream().map(FieldError::required).toList());
    }
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
    return credentials
        .check(name, password, address, Credentials.anonymous(name, address, requestId))
        .getId();
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
}
