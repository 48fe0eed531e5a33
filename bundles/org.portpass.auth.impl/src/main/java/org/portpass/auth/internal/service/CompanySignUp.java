package org.portpass.auth.internal.service;

import static org.portpass.auth.internal.service.AccountRules.checkPassword;
import static org.portpass.auth.internal.service.AccountRules.text;
import static org.portpass.auth.internal.service.AccountRules.throwIfAny;
import static org.portpass.auth.internal.service.AccountRules.username;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.persistence.EntityManager;
import org.portpass.auth.Account;
import org.portpass.auth.AuthConflicts;
import org.portpass.auth.Registration;
import org.portpass.auth.internal.entity.AccountEntity;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.FieldError;
import org.portpass.core.NotFoundException;
import org.portpass.core.Role;
import org.portpass.core.ValidationException;
import org.portpass.registry.Company;
import org.portpass.registry.CompanyService;
import org.portpass.registry.NewCompany;
import org.portpass.registry.TaxId;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.Transactions;

/**
 * A company applies for its first account: the company is found by its tax id (or registered with
 * the name given), and the account becomes its administrator, unless the company has accounts.
 */
final class CompanySignUp {
  private final Transactions tx;
  private final CompanyService companies;
  private final Supplier<PasswordHasher> hasher;

  CompanySignUp(Transactions tx, CompanyService companies, Supplier<PasswordHasher> hasher) {
    this.tx = tx;
    this.companies = companies;
    this.hasher = hasher;
  }

  Account register(Registration r) {
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
    entity.setPasswordHash(hasher.get().hash(r.password()));
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
          Accounts.persistNew(em, entity);
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
}
