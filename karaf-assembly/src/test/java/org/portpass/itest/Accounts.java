package org.portpass.itest;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.function.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.portpass.auth.Account;
import org.portpass.auth.AccountService;
import org.portpass.auth.NewAccount;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.PageRequest;
import org.portpass.core.PortPassException;
import org.portpass.core.Role;

/** Test accounts, created through the real account service inside the container. */
final class Accounts {
  static final String ADMIN = "it-admin";
  static final String PASSWORD = "it-password-123";

  private Accounts() {}

  /**
   * A new verified company and a signed-in COMPANY_USER account of it named {@code prefix-<id>}.
   */
  static Api company(Api admin, String prefix, String name) {
    long id =
        admin
            .post("/companies", Samples.company(Samples.taxId(), name))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    admin.post("/companies/" + id + "/verify", "").expect(200);
    ensure(prefix + "-" + id, Set.of(Role.COMPANY_USER), id, Set.of());
    return admin.anonymous().login(prefix + "-" + id, PASSWORD);
  }

  /** A signed-in port staff account with one role at one port (created unless it exists). */
  static Api staff(Api admin, String name, Role role, String port) {
    ensure(name, Set.of(role), null, Set.of(port));
    return admin.anonymous().login(name, PASSWORD);
  }

  /**
   * Creates the account unless it exists already (tests of one container share accounts). Like
   * every call here, through the account service {@linkplain #call registered now}.
   */
  static void ensure(String username, Set<Role> roles, Long companyId, Set<String> ports) {
    call(
        service -> {
          create(service, username, roles, companyId, ports);
          return null;
        });
  }

  /** Creates an account as the system would; refusals are the service's own exceptions. */
  static Account create(NewAccount account) {
    return call(service -> service.create(Caller.system("itest"), account));
  }

  /**
   * Runs {@code work} with the account service registered now: an instance injected when the test
   * started can have been replaced since (a bundle refreshed while the server finished booting),
   * and the replaced one's persistence unit is closed. A domain refusal is rethrown as it is; any
   * other failure as text, which crosses Pax Exam's RMI even when the exception's class (OpenJPA's,
   * say) is unknown to the test driver.
   */
  private static <T> T call(Function<AccountService, T> work) {
    RuntimeException failure = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      AccountService service = registered();
      try {
        return work.apply(service);
      } catch (PortPassException refused) {
        throw refused;
      } catch (RuntimeException e) {
        failure = e;
        if (registered() == service) {
          break; // the service is still the one registered: its failure is real
        }
      }
    }
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    throw new AssertionError("the account service failed: " + trace);
  }

  private static AccountService registered() {
    BundleContext context = FrameworkUtil.getBundle(Accounts.class).getBundleContext();
    ServiceTracker<AccountService, AccountService> tracker =
        new ServiceTracker<>(context, AccountService.class, null);
    tracker.open();
    try {
      AccountService service = tracker.waitForService(300_000);
      if (service == null) {
        throw new AssertionError("no AccountService registered after 5 minutes");
      }
      return service;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } finally {
      tracker.close();
    }
  }

  private static void create(
      AccountService accounts,
      String username,
      Set<Role> roles,
      Long companyId,
      Set<String> ports) {
    // look first: a refused duplicate rolls back a transaction
    if (accounts.list(Caller.system("itest"), username, PageRequest.first(50)).items().stream()
        .anyMatch(a -> a.username().equals(username))) {
      return;
    }
    try {
      accounts.create(
          Caller.system("itest"),
          new NewAccount(
              username, PASSWORD, username, null, "02-0000-0000", roles, companyId, ports));
    } catch (ConflictException exists) {
      // created by an earlier test
    }
  }
}
