package org.portpass.auth.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portpass.auth.Account;
import org.portpass.auth.AccountChanges;
import org.portpass.auth.NewAccount;
import org.portpass.auth.Registration;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.ForbiddenException;
import org.portpass.core.Role;
import org.portpass.core.ValidationException;

/** Who may create which accounts, and what a new account must be. */
class AccountServiceTest {
  private final AuthServices services = new AuthServices(TestConfig.defaults());
  private final AccountServiceImpl accounts = services.accounts;
  private final long alpha = services.company("12345675", "阿爾法物流").id();

  @AfterEach
  void close() {
    services.close();
  }

  private static NewAccount account(
      String username, String password, Set<Role> roles, Long company, Set<String> ports) {
    return new NewAccount(username, password, "Name", null, "02-1234", roles, company, ports);
  }

  private static List<String> keys(ValidationException e) {
    return e.errors().stream().map(f -> f.field() + ":" + f.messageKey()).toList();
  }

  @Test
  void aPortAccountGetsItsRolesAndNormalisedPorts() {
    Account police =
        accounts.create(
            AuthServices.ADMIN,
            account("KEL-Police", "a long password", Set.of(Role.POLICE), null, Set.of(" kel ")));

    assertEquals("kel-police", police.username());
    assertEquals(Set.of(Role.POLICE), police.roles());
    assertEquals(Set.of("KEL"), police.ports());
    assertEquals(
        List.of("account.create"),
        services.db.column("SELECT action FROM audit_event WHERE entity_id = 'kel-police'"));
  }

  @Test
  void everyProblemOfANewAccountIsReportedAtOnce() {
    ValidationException refused =
        assertThrows(
            ValidationException.class,
            () ->
                accounts.create(
                    AuthServices.ADMIN,
                    account(
                        "x",
                        "short",
                        Set.of(Role.COMPANY_USER, Role.REVIEWER),
                        null,
                        Set.of("XYZ"))));

    assertEquals(
        List.of(
            "username:username-rule",
            "password:min-length",
            "roles:roles-mixed",
            "companyId:company-role-needs-company",
            "ports:unknown-port-known"),
        keys(refused));
  }

  @Test
  void portRolesNeedAPortAndCompanyRolesNoPort() {
    ValidationException noPort =
        assertThrows(
            ValidationException.class,
            () ->
                accounts.create(
                    AuthServices.ADMIN,
                    account("kel-desk", null, Set.of(Role.CARD_DESK), null, Set.of())));
    assertEquals(List.of("ports:port-role-needs-port"), keys(noPort));

    ValidationException portOfClerk =
        assertThrows(
            ValidationException.class,
            () ->
                accounts.create(
                    AuthServices.ADMIN,
                    account("clerk", null, Set.of(Role.COMPANY_USER), alpha, Set.of("KEL"))));
    assertEquals(List.of("ports:only-port-roles-ports"), keys(portOfClerk));
  }

  @Test
  void aUserNameIsTakenOnce() {
    services.companyUser("alpha-user", alpha);
    ConflictException taken =
        assertThrows(ConflictException.class, () -> services.companyUser("ALPHA-USER", alpha));
    assertEquals("duplicate", taken.code());
    assertEquals("username", taken.field());
  }

  @Test
  void aCompanyAdministratorManagesCompanyRolesOfItsOwnCompanyOnly() {
    long beta = services.company("22099131", "貝塔海事工程").id();
    Caller alphaAdmin =
        new Caller("alpha-admin", Set.of(Role.COMPANY_ADMIN), alpha, Set.of(), "10.0.0.1", "r");

    Account clerk =
        accounts.create(
            alphaAdmin, account("alpha-clerk", null, Set.of(Role.COMPANY_USER), null, Set.of()));
    assertEquals(alpha, clerk.companyId()); // its own company when none is named

    assertThrows(
        ForbiddenException.class,
        () ->
            accounts.create(
                alphaAdmin,
                account("beta-clerk", null, Set.of(Role.COMPANY_USER), beta, Set.of())));
    ForbiddenException staff =
        assertThrows(
            ForbiddenException.class,
            () ->
                accounts.create(
                    alphaAdmin,
                    account("sneaky", null, Set.of(Role.REVIEWER), null, Set.of("KEL"))));
    assertEquals("grant-staff-role", staff.messageKey());
  }

  @Test
  void aCompanyRegistersItsFirstAccountOnce() {
    Account first =
        accounts.register(
            new Registration(
                "gamma-admin", "a long password", "Gamma", null, "07-1234", "04595257", "伽瑪公司"),
            "10.0.0.1");

    assertEquals(Set.of(Role.COMPANY_ADMIN), first.roles());
    assertEquals("伽瑪公司", services.companies.get(AuthServices.ADMIN, first.companyId()).name());
    ConflictException again =
        assertThrows(
            ConflictException.class,
            () ->
                accounts.register(
                    new Registration(
                        "gamma-two", "a long password", "G2", null, "07-1", "04595257", null),
                    "10.0.0.1"));
    assertEquals("company-has-accounts", again.code());
  }

  @Test
  void anUpdateFromAnOutdatedCopyIsRefused() {
    Account clerk = services.companyUser("alpha-user", alpha);
    accounts.update(
        AuthServices.ADMIN,
        clerk.id(),
        new AccountChanges("New name", null, null, null, null, null, clerk.version()));

    ConflictException stale =
        assertThrows(
            ConflictException.class,
            () ->
                accounts.update(
                    AuthServices.ADMIN,
                    clerk.id(),
                    new AccountChanges("Other", null, null, null, null, null, clerk.version())));

    assertEquals("stale-version", stale.code());
    assertEquals("New name", accounts.get(AuthServices.ADMIN, clerk.id()).displayName());
  }

  @Test
  void theCurrentPasswordIsNeededToChangeIt() {
    services.companyUser("alpha-user", alpha);
    Caller self =
        new Caller("alpha-user", Set.of(Role.COMPANY_USER), alpha, Set.of(), "10.0.0.1", "r");

    assertThrows(
        org.portpass.core.UnauthorizedException.class,
        () -> accounts.changePassword(self, "wrong", "another long password"));
    accounts.changePassword(self, AuthServices.PASSWORD, "another long password");

    AuthenticationServiceImpl login = services.login(TestConfig.defaults());
    assertEquals(
        "alpha-user",
        login.login("alpha-user", "another long password", "10.0.0.1", "r").account().username());
  }
}
