package org.portpass.auth.internal.service;

import static org.portpass.auth.internal.service.AccountRules.checkPassword;
import static org.portpass.auth.internal.service.AccountRules.load;
import static org.portpass.auth.internal.service.AccountRules.requireMayGrant;
import static org.portpass.auth.internal.service.AccountRules.requireMayManage;
import static org.portpass.auth.internal.service.AccountRules.text;
import static org.portpass.auth.internal.service.AccountRules.throwIfAny;
import static org.portpass.auth.internal.service.AccountRules.username;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.portpass.auth.Account;
import org.portpass.auth.AccountChanges;
import org.portpass.auth.AccountService;
import org.portpass.auth.AccountStatus;
import org.portpass.auth.NewAccount;
import org.portpass.auth.Registration;
import org.portpass.auth.internal.entity.AccountEntity;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.FieldError;
import org.portpass.core.ForbiddenException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.PortDirectory;
import org.portpass.core.Role;
import org.portpass.core.UnauthorizedException;
import org.portpass.core.ValidationException;
import org.portpass.registry.CompanyService;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.PagedQuery;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;

/**
 * Accounts and roles. Administrators manage every account; customer service and a company's
 * administrator manage that company's accounts (company roles only); a company applies for its
 * first account by {@link #register}.
 */
@Component(configurationPid = AuthConfig.PID)
@Designate(ocd = AuthConfig.class)
public class AccountServiceImpl implements AccountService {
  private final Transactions tx;
  private final CompanyService companies;
  private volatile PasswordHasher hasher;
  private final AccountRules rules;
  private final CompanySignUp signUp;

  @Activate
  public AccountServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-auth)") JpaTemplate jpa,
      @Reference(target = AuthSchema.READY) SchemaReady schema,
      @Reference CompanyService companies,
      @Reference PortDirectory ports,
      AuthConfig config) {
    this.tx = new Transactions(jpa);
    this.companies = companies;
    this.rules = new AccountRules(ports);
    this.signUp = new CompanySignUp(tx, companies, () -> hasher);
    modified(config);
  }

  @Modified
  void modified(AuthConfig config) {
    hasher = new PasswordHasher(config.pbkdf2Iterations());
  }

  @Override
  public Account register(Registration r, String clientAddress) {
    return signUp.register(r);
  }

  @Override
  public Account create(Caller caller, NewAccount a) {
    List<FieldError> errors = new ArrayList<>();
    String username = username(a.username(), errors);
    if (a.password() != null) {
      checkPassword(a.password(), username, errors);
    }
    Set<Role> roles = a.roles() == null ? Set.of() : a.roles();
    requireMayGrant(caller, roles);
    Long companyId = a.companyId();
    if (!caller.isAdmin() && companyId == null && caller.has(Role.COMPANY_ADMIN)) {
      companyId = caller.companyId();
    }
    Set<String> accountPorts = rules.rolesAndPorts(roles, companyId, a.ports(), errors);
    throwIfAny(errors);
    requireMayManage(caller, roles, companyId);
    if (companyId != null) {
      companies.get(Caller.system("accounts"), companyId); // 404 for an unknown company
    }
    AccountEntity entity = new AccountEntity();
    entity.setUsername(username);
    entity.setPasswordHash(a.password() == null ? null : hasher.hash(a.password()));
    entity.setDisplayName(text(a.displayName()));
    entity.setEmail(text(a.email()));
    entity.setPhone(text(a.phone()));
    entity.setRoles(new HashSet<>(roles));
    entity.setPorts(new HashSet<>(accountPorts));
    entity.setCompanyId(companyId);
    return tx.write(
        em -> {
          Accounts.persistNew(em, entity);
          AuditTrail.append(
              em, caller, "account.create", "account", username, null, Accounts.summary(entity));
          return entity;
        },
        e -> Accounts.view(e, false));
  }

  @Override
  public Account get(Caller caller, long id) {
    return tx.read(
        em -> {
          AccountEntity e = load(em, caller, id);
          return Accounts.view(e, Accounts.linked(em, id));
        });
  }

  @Override
  public Page<Account> list(Caller caller, String text, PageRequest page) {
    boolean all = caller.isAdmin();
    boolean company = !all && caller.hasAny(Role.COMPANY_ADMIN, Role.CUSTOMER_SERVICE);
    if (!all && !company) {
      throw new ForbiddenException("you may not list accounts", "may-not-list-accounts");
    }
    PagedQuery<AccountEntity> query =
        PagedQuery.of(AccountEntity.class)
            .whereGiven(
                "(e.username LIKE :text OR LOWER(e.displayName) LIKE :text)",
                "text",
                PagedQuery.containing(text));
    if (!all && !caller.has(Role.CUSTOMER_SERVICE)) {
      query.where("e.companyId = :company", "company", caller.companyId());
    }
    return tx.read(
        em -> query.page(em, "e.id", page, e -> Accounts.view(e, Accounts.linked(em, e.getId()))));
  }

  @Override
  public Account update(Caller caller, long id, AccountChanges c) {
    if (c.version() == null) {
      throw ValidationException.of("version", "send-version", "send the version you read");
    }
    return tx.write(
        em -> {
          AccountEntity e = load(em, caller, id);
          if (e.getVersion() != c.version()) {
            throw ConflictException.staleVersion("account " + id, c.version(), e.getVersion());
          }
          String before = Accounts.summary(e);
          List<FieldError> errors = new ArrayList<>();
          Set<Role> roles = c.roles() == null ? e.getRoles() : c.roles();
          requireMayGrant(caller, roles);
          Set<String> newPorts =
              rules.rolesAndPorts(
                  roles, e.getCompanyId(), c.ports() == null ? e.getPorts() : c.ports(), errors);
          throwIfAny(errors);
          requireMayManage(caller, roles, e.getCompanyId());
          if (e.getUsername().equals(caller.username()) && c.status() == AccountStatus.DISABLED) {
            throw ValidationException.of(
                "status", "disable-own-account", "you cannot disable your own account");
          }
          e.setRoles(new HashSet<>(roles));
          e.setPorts(new HashSet<>(newPorts));
          if (c.status() != null) {
            e.setStatus(c.status());
          }
          if (c.displayName() != null) {
            e.setDisplayName(text(c.displayName()));
          }
          if (c.email() != null) {
            e.setEmail(text(c.email()));
          }
          if (c.phone() != null) {
            e.setPhone(text(c.phone()));
          }
          String after = Accounts.summary(e);
          if (!before.equals(after)) {
            AuditTrail.append(
                em, caller, "account.update", "account", e.getUsername(), before, after);
          }
          return e;
        },
        e -> Accounts.view(e, false));
  }

  @Override
  public void changePassword(Caller caller, String currentPassword, String newPassword) {
    tx.write(
        em -> {
          AccountEntity e = Accounts.byUsername(em, caller.username());
          if (e == null || !hasher.matches(currentPassword, e.getPasswordHash())) {
            throw new UnauthorizedException(
                "the current password is not right", "current-password-wrong");
          }
          PasswordHasher.requireStrong("newPassword", newPassword, e.getUsername());
          e.setPasswordHash(hasher.hash(newPassword));
          AuditTrail.append(
              em, caller, "account.password.change", "account", e.getUsername(), null, null);
        });
  }

  @Override
  public void resetPassword(Caller caller, long id, String newPassword) {
    tx.write(
        em -> {
          AccountEntity e = load(em, caller, id);
          requireMayManage(caller, e.getRoles(), e.getCompanyId());
          PasswordHasher.requireStrong("password", newPassword, e.getUsername());
          e.setPasswordHash(hasher.hash(newPassword));
          AuditTrail.append(
              em, caller, "account.password.reset", "account", e.getUsername(), null, null);
        });
  }
}
