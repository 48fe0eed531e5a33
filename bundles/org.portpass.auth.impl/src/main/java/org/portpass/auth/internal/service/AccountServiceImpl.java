package org.portpass.auth.internal.service;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
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
import org.portpass.auth.AuthConflicts;
import org.portpass.auth.NewAccount;
import org.portpass.auth.Registration;
import org.portpass.auth.internal.entity.AccountEntity;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.FieldError;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.PortCode;
import org.portpass.core.PortDirectory;
import org.portpass.core.Role;
import org.portpass.core.UnauthorizedException;
import org.portpass.core.ValidationException;
import org.portpass.registry.Company;
import org.portpass.registry.CompanyService;
import org.portpass.registry.NewCompany;
import org.portpass.registry.TaxId;
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
  private final PortDirectory ports;

  @Activate
  public AccountServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-auth)") JpaTemplate jpa,
      @Reference(target = AuthSchema.READY) SchemaReady schema,
      @Reference CompanyService companies,
      @Reference PortDirectory ports,
      AuthConfig config) {
    this.tx = new Transactions(jpa);
    this.companies = companies;
    this.ports = ports;
    modified(config);
  }

  @Modified
  void modified(AuthConfig config) {
    hasher = new PasswordHasher(config.pbkdf2Iterations());
  }

  @Override
  public Account register(Registration r, String clientAddress) {
    List<FieldError> errors = new ArrayList<>();
    String username = username(r.username(), errors);
    checkPassword(r.password(), username, errors);
    String taxId = null;
    try {
      taxId = TaxId.normalise(r.companyTaxId());
    } catch (IllegalArgumentException e) {
      errors.add(FieldError.invalid("companyTaxId", e));
    }
    throwIfAny(errors);
    Caller registrar = Caller.system("registration:" + username);
    Company company = companyFor(registrar, taxId, r.companyName());
    AccountEntity entity = new AccountEntity();
    entity.setUsername(username);
    entity.setPasswordHash(hasher.hash(r.password()));
    entity.setDisplayName(text(r.displayName()));
    entity.setEmail(text(r.email()));
    entity.setPhone(text(r.phone()));
    entity.setRoles(new HashSet<>(Set.of(Role.COMPANY_ADMIN)));
    entity.setCompanyId(company.id());
    return tx.write(
        em -> {
          if (hasAccounts(em, company.id())) {
            throw new ConflictException(
                AuthConflicts.COMPANY_HAS_ACCOUNTS,
                "companyTaxId",
                "company " + company.taxId() + " already has accounts; ask its administrator",
                "company-has-accounts",
                company.taxId());
          }
          persistNew(em, entity);
          AuditTrail.append(
              em,
              registrar,
              "account.register",
              "account",
              username,
              null,
              Accounts.summary(entity));
          return entity;
        },
        e -> Accounts.view(e, false));
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
    Set<String> accountPorts = rolesAndPorts(roles, companyId, a.ports(), errors);
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
          persistNew(em, entity);
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
              rolesAndPorts(
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

  private Company companyFor(Caller registrar, String taxId, String name) {
    try {
      return companies.getByTaxId(registrar, taxId);
    } catch (NotFoundException unknown) {
      if (name == null || name.isBlank()) {
        throw ValidationException.of(
            "companyName",
            "company-name-needed",
            "company " + taxId + " is not registered yet: give its name",
            taxId);
      }
      return companies.create(
          registrar, new NewCompany(taxId, name, null, null, null, null, List.of()));
    }
  }

  private static boolean hasAccounts(EntityManager em, long companyId) {
    return !em.createQuery("SELECT a.id FROM AccountEntity a WHERE a.companyId = :c", Long.class)
        .setParameter("c", companyId)
        .setMaxResults(1)
        .getResultList()
        .isEmpty();
  }

  private static void persistNew(EntityManager em, AccountEntity entity) {
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

  /**
   * Administrators: anything. Customer service and company administrators: company roles of a
   * company they manage.
   */
  private static void requireMayManage(Caller caller, Set<Role> roles, Long companyId) {
    if (caller.isAdmin()) {
      return;
    }
    boolean companyRolesOnly = roles.stream().allMatch(Role::isCompanyRole);
    if (caller.has(Role.CUSTOMER_SERVICE) && companyRolesOnly) {
      return;
    }
    if (caller.has(Role.COMPANY_ADMIN)
        && companyRolesOnly
        && companyId != null
        && companyId.equals(caller.companyId())) {
      return;
    }
    throw new ForbiddenException(
        "you may not manage accounts with these roles", "may-not-manage-roles");
  }

  /**
   * Staff roles are granted by administrators only: anyone else asking for one is refused (403)
   * with the role named, before the request's other fields are judged.
   */
  private static void requireMayGrant(Caller caller, Set<Role> roles) {
    if (caller.isAdmin()) {
      return;
    }
    Set<Role> staffRoles = new TreeSet<>();
    roles.stream().filter(r -> r != null && !r.isCompanyRole()).forEach(staffRoles::add);
    if (!staffRoles.isEmpty()) {
      String names = staffRoles.stream().map(Role::name).collect(Collectors.joining(", "));
      throw new ForbiddenException(
          "only administrators grant the role" + (staffRoles.size() == 1 ? " " : "s ") + names,
          "grant-staff-role",
          names);
    }
  }

  private AccountEntity load(EntityManager em, Caller caller, long id) {
    AccountEntity e = em.find(AccountEntity.class, id);
    boolean visible =
        e != null
            && (caller.isAdmin()
                || caller.has(Role.CUSTOMER_SERVICE)
                || caller.username().equals(e.getUsername())
                || (caller.has(Role.COMPANY_ADMIN)
                    && e.getCompanyId() != null
                    && e.getCompanyId().equals(caller.companyId())));
    if (!visible) {
      throw new NotFoundException("account", id);
    }
    return e;
  }

  private Set<String> rolesAndPorts(
      Set<Role> roles, Long companyId, Set<String> requested, List<FieldError> errors) {
    if (roles.stream().anyMatch(Objects::isNull)) {
      errors.add(FieldError.of("roles", "no-null", "must not contain null"));
      return Set.of();
    }
    if (roles.isEmpty()) {
      errors.add(FieldError.of("roles", "role-required", "at least one role is required"));
    }
    if (Accounts.anyCompanyRole(roles) && Accounts.anyPortRole(roles)) {
      errors.add(
          FieldError.of("roles", "roles-mixed", "company roles and port roles cannot be combined"));
    }
    if (Accounts.anyCompanyRole(roles) && companyId == null) {
      errors.add(
          FieldError.of("companyId", "company-role-needs-company", "company roles need a company"));
    }
    if (!Accounts.anyCompanyRole(roles) && companyId != null) {
      errors.add(
          FieldError.of(
              "companyId", "only-company-roles-company", "only company roles belong to a company"));
    }
    Set<String> result = new HashSet<>();
    for (String port : requested == null ? Set.<String>of() : requested) {
      String code = PortCode.normalise(port);
      if (!ports.codes().contains(code)) {
        errors.add(
            FieldError.of(
                "ports",
                "unknown-port-known",
                "unknown port " + port + "; known: " + ports.codes(),
                port,
                ports.codes()));
      }
      result.add(code);
    }
    if (Accounts.anyPortRole(roles) && result.isEmpty()) {
      errors.add(
          FieldError.of("ports", "port-role-needs-port", "port roles need at least one port"));
    }
    if (!Accounts.anyPortRole(roles) && !result.isEmpty()) {
      errors.add(FieldError.of("ports", "only-port-roles-ports", "only port roles have ports"));
    }
    return result;
  }

  private static String username(String raw, List<FieldError> errors) {
    String username = Accounts.normalise(raw);
    if (!username.matches(Accounts.USERNAME_PATTERN)) {
      errors.add(
          FieldError.of(
              "username",
              "username-rule",
              "3 to 64 characters: letters, digits, '.', '_' or '-', starting with a letter or digit"));
    }
    return username;
  }

  private static void checkPassword(String password, String username, List<FieldError> errors) {
    try {
      PasswordHasher.requireStrong("password", password, username);
    } catch (ValidationException e) {
      errors.addAll(e.errors());
    }
  }

  private static void throwIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private static String text(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.length() > 255 || text.chars().anyMatch(Character::isISOControl)) {
      throw ValidationException.of(
          "text", "printable-text", "at most 255 printable characters", 255);
    }
    return text;
  }
}
