package org.portpass.auth.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portpass.auth.AccountChanges;
import org.portpass.auth.AccountStatus;
import org.portpass.auth.LoginResult;
import org.portpass.core.Caller;
import org.portpass.core.Role;
import org.portpass.core.TooManyRequestsException;
import org.portpass.core.UnauthorizedException;
import org.portpass.testing.Eventually;

/** Logging in with a password, the throttle on wrong ones, and the bearer tokens that follow. */
class AuthenticationTest {
  private static final String HERE = "10.0.0.1";
  private static final String ELSEWHERE = "10.0.0.2";

  private final AuthServices services = new AuthServices(TestConfig.defaults());
  private final AuthenticationServiceImpl auth = services.login(TestConfig.defaults());
  private final long company = services.company("12345675", "阿爾法物流").id();

  @AfterEach
  void close() {
    services.close();
  }

  private LoginResult login(String username, String password, String address) {
    return auth.login(username, password, address, "req-1");
  }

  private String refusal(Runnable attempt) {
    return assertThrows(UnauthorizedException.class, attempt::run).messageKey();
  }

  @Test
  void theRightPasswordGivesATokenThatActsAsTheAccount() {
    services.companyUser("alpha-user", company);

    LoginResult result = login(" Alpha-User ", AuthServices.PASSWORD, HERE);

    assertTrue(result.complete());
    Caller caller = auth.authenticate(result.token(), HERE, "req-2");
    assertEquals("alpha-user", caller.username());
    assertEquals(Set.of(Role.COMPANY_USER), caller.roles());
    assertEquals(company, caller.companyId());
    assertEquals(HERE, caller.clientAddress());
    assertNotNull(services.accounts.get(AuthServices.ADMIN, result.account().id()).lastLoginAt());
    assertEquals(
        1, services.db.number("SELECT COUNT(*) FROM audit_event WHERE action = 'auth.login'"));
  }

  @Test
  void aWrongPasswordAndAnUnknownNameAreTheSameRefusal() {
    services.companyUser("alpha-user", company);

    assertEquals("login-wrong", refusal(() -> login("alpha-user", "not the password", HERE)));
    assertEquals("login-wrong", refusal(() -> login("nobody", AuthServices.PASSWORD, HERE)));
    assertEquals(
        2,
        services.db.number("SELECT COUNT(*) FROM audit_event WHERE action = 'auth.login.failed'"));
  }

  @Test
  void aDisabledAccountIsRefusedWithItsRightPassword() {
    var clerk = services.companyUser("alpha-user", company);
    services.accounts.update(
        AuthServices.ADMIN,
        clerk.id(),
        new AccountChanges(null, null, null, null, null, AccountStatus.DISABLED, clerk.version()));

    assertEquals(
        "account-disabled", refusal(() -> login("alpha-user", AuthServices.PASSWORD, HERE)));
  }

  @Test
  void failuresLockTheNameAtThatAddressOnly() {
    services.companyUser("alpha-user", company);
    for (int i = 0; i < 3; i++) {
      refusal(() -> login("alpha-user", "guess", HERE));
    }

    TooManyRequestsException locked =
        assertThrows(
            TooManyRequestsException.class, () -> login("alpha-user", AuthServices.PASSWORD, HERE));

    assertEquals("failed-logins", locked.messageKey());
    assertTrue(locked.retryAfter().isAfter(java.time.Instant.now()));
    assertTrue(login("alpha-user", AuthServices.PASSWORD, ELSEWHERE).complete());
  }

  @Test
  void anAddressGuessingManyNamesIsLockedForEveryName() {
    services.companyUser("alpha-user", company);
    for (int i = 0; i < 6; i++) {
      String name = "user-" + i;
      refusal(() -> login(name, "guess", HERE));
    }

    assertThrows(
        TooManyRequestsException.class, () -> login("alpha-user", AuthServices.PASSWORD, HERE));
    assertTrue(login("alpha-user", AuthServices.PASSWORD, ELSEWHERE).complete());
  }

  @Test
  void aLockRunsOutAndItsEndIsAudited() {
    services.companyUser("alpha-user", company);
    for (int i = 0; i < 3; i++) {
      refusal(() -> login("alpha-user", "guess", HERE));
    }
    services.db.update(
        "UPDATE login_lock SET locked_until = {fn TIMESTAMPADD(SQL_TSI_MINUTE, -1, locked_at)}");

    assertTrue(login("alpha-user", AuthServices.PASSWORD, HERE).complete());
    assertEquals(
        1, services.db.number("SELECT COUNT(*) FROM audit_event WHERE action = 'auth.unlock'"));
  }

  @Test
  void aGoodLoginForgetsTheFailuresBeforeIt() {
    services.companyUser("alpha-user", company);
    refusal(() -> login("alpha-user", "guess", HERE));
    refusal(() -> login("alpha-user", "guess", HERE));
    login("alpha-user", AuthServices.PASSWORD, HERE);
    refusal(() -> login("alpha-user", "guess", HERE));
    refusal(() -> login("alpha-user", "guess", HERE));

    assertTrue(login("alpha-user", AuthServices.PASSWORD, HERE).complete());
  }

  @Test
  void aLoggedOutTokenIsRefusedHereAtOnceAndByAnotherNodeSoon() {
    services.companyUser("alpha-user", company);
    AuthenticationServiceImpl otherNode = services.login(TestConfig.defaults());
    String token = login("alpha-user", AuthServices.PASSWORD, HERE).token();
    String other = login("alpha-user", AuthServices.PASSWORD, HERE).token();
    assertEquals("alpha-user", otherNode.authenticate(token, HERE, "r").username());

    auth.logout(token);

    assertEquals("logged-out", refusal(() -> auth.authenticate(token, HERE, "r")));
    Eventually.until(
        "the other node refuses the token",
        Duration.ofSeconds(10),
        () -> {
          try {
            otherNode.authenticate(token, HERE, "r");
            return false;
          } catch (UnauthorizedException refused) {
            return "logged-out".equals(refused.messageKey());
          }
        });
    assertEquals("alpha-user", auth.authenticate(other, HERE, "r").username());
  }

  @Test
  void anExpiredTokenIsRefused() {
    services.companyUser("alpha-user", company);
    AuthenticationServiceImpl pastIssuer = services.login(TestConfig.defaults().tokenMinutes(-1));
    String token = pastIssuer.login("alpha-user", AuthServices.PASSWORD, HERE, "r").token();

    assertEquals("token-expired", refusal(() -> auth.authenticate(token, HERE, "r")));
  }

  @Test
  void aTamperedOrForeignTokenIsRefused() {
    services.companyUser("alpha-user", company);
    String token = login("alpha-user", AuthServices.PASSWORD, HERE).token();
    String[] parts = token.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String promoted = claims.replace("COMPANY_USER", "ADMIN");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(promoted.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];

    assertEquals("token-invalid", refusal(() -> auth.authenticate(tampered, HERE, "r")));
    assertEquals("token-invalid", refusal(() -> auth.authenticate("not-a-token", HERE, "r")));
    try (AuthServices otherSystem = new AuthServices(TestConfig.defaults())) {
      AuthenticationServiceImpl foreign = otherSystem.login(TestConfig.defaults());
      assertEquals("token-invalid", refusal(() -> foreign.authenticate(token, HERE, "r")));
    }
  }
}
