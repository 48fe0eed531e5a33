package org.portpass.auth.internal.service;

import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;
import javax.persistence.EntityManager;
import org.portpass.auth.Account;
import org.portpass.auth.AccountStatus;
import org.portpass.auth.internal.entity.AccountEntity;
import org.portpass.auth.internal.entity.ExternalIdentityEntity;
import org.portpass.core.ConflictException;
import org.portpass.core.Role;

/** Account lookups and views shared by the account and login services. */
final class Accounts {
  static final String USERNAME_PATTERN = "[a-z0-9][a-z0-9._-]{2,63}";

  private Accounts() {}

  static String normalise(String username) {
    return username == null ? "" : username.strip().toLowerCase();
  }

  static AccountEntity byUsername(EntityManager em, String username) {
    return em
        .createQuery("SELECT a FROM AccountEntity a WHERE a.username = :u", AccountEntity.class)
        .setParameter("u", normalise(username))
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }

  static boolean linked(EntityManager em, long accountId) {
    return !em.createQuery(
            "SELECT x.id FROM ExternalIdentityEntity x WHERE x.accountId = :id", Long.class)
        .setParameter("id", accountId)
        .getResultList()
        .isEmpty();
  }

  static ExternalIdentityEntity identity(EntityManager em, String provider, String subject) {
    return em
        .createQuery(
            "SELECT x FROM ExternalIdentityEntity x WHERE x.provider = :p AND x.subject = :s",
            ExternalIdentityEntity.class)
        .setParameter("p", provider)
        .setParameter("s", subject)
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }

  static Account view(AccountEntity e, boolean linked) {
    return new Account(
        e.getId(),
        e.getUsername(),
        e.getDisplayName(),
        e.getEmail(),
        e.getPhone(),
        e.getRoles().isEmpty() ? Set.of() : EnumSet.copyOf(e.getRoles()),
        e.getCompanyId(),
        new TreeSet<>(e.getPorts()),
        e.getStatus(),
        linked,
        e.getVersion(),
        instant(e.getCreatedAt()),
        instant(e.getLastLoginAt()));
  }

  /** Short before/after text for the audit trail. */
  static String summary(AccountEntity e) {
    return "username="
        + e.getUsername()
        + " roles="
        + new TreeSet<>(e.getRoles())
        + " company="
        + e.getCompanyId()
        + " ports="
        + new TreeSet<>(e.getPorts())
        + " status="
        + e.getStatus();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  static boolean anyCompanyRole(Set<Role> roles) {
    return roles.stream().anyMatch(Role::isCompanyRole);
  }

  static boolean anyPortRole(Set<Role> roles) {
    return roles.stream().anyMatch(Role::isPortRole);
  }

  /** A new account, active from now, under a user name nobody has. */
  static void persistNew(EntityManager em, AccountEntity entity) {
    if (Accounts.byUsername(em, entity.getUsername()) != null) {
      throw ConflictException.duplicate(
          "username",
          "user name " + entity.getUsername() + " is taken",
          "username-taken",
          entity.getUsername());
    }
    entity.setStatus(AccountStatus.ACTIVE);
    entity.setCreatedAt(new Date());
    em.persist(entity);
  }
}
