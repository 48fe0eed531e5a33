package org.portpass.auth.internal.service;

import java.util.List;
import java.util.Set;
import org.portpass.auth.Account;
import org.portpass.auth.NewAccount;
import org.portpass.core.AuditLog;
import org.portpass.core.Caller;
import org.portpass.core.Role;
import org.portpass.registry.Company;
import org.portpass.registry.NewCompany;
import org.portpass.registry.internal.service.CompanyServiceImpl;
import org.portpass.testing.FixedPorts;
import org.portpass.testing.LocalJpaTemplate;
import org.portpass.testing.TestDatabase;
import org.portpass.testing.Unused;

/**
 * Accounts and login as the server wires them, on the registry's real company service: one database
 * (audit, registry, auth changelogs) and as many login services ("nodes") as a test starts.
 */
final class AuthServices implements AutoCloseable {
  static final Caller ADMIN = Caller.system("test-admin");
  static final String PASSWORD = "correct horse battery";

  final TestDatabase db = TestDatabase.migrated("db/audit.xml", "db/registry.xml", "db/auth.xml");
  final LocalJpaTemplate jpa = db.unit("portpass-auth");
  final CompanyServiceImpl companies =
      new CompanyServiceImpl(db.unit("portpass-registry"), () -> "registry");
  final AccountServiceImpl accounts;
  private final List<AuthenticationServiceImpl> started = new java.util.ArrayList<>();

  AuthServices(TestConfig config) {
    accounts =
        new AccountServiceImpl(jpa, () -> AuthSchema.UNIT, companies, new FixedPorts(), config);
  }

  /** A login service, as one server node runs it. */
  AuthenticationServiceImpl login(TestConfig config) {
    AuthenticationServiceImpl login =
        new AuthenticationServiceImpl(
            jpa, () -> AuthSchema.UNIT, accounts, Unused.service(AuditLog.class), config);
    started.add(login);
    return login;
  }

  Company company(String taxId, String name) {
    return companies.create(ADMIN, new NewCompany(taxId, name, null, null, null, null, List.of()));
  }

  Account companyUser(String username, long companyId) {
    return accounts.create(
        ADMIN,
        new NewAccount(
            username,
            PASSWORD,
            "Clerk " + username,
            null,
            "02-1234",
            Set.of(Role.COMPANY_USER),
            companyId,
            Set.of()));
  }

  @Override
  public void close() {
    started.forEach(AuthenticationServiceImpl::deactivate);
    db.close();
  }
}
