package org.portpass.itest;

import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.portpass.auth.AccountService;
import org.portpass.auth.NewAccount;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.PageRequest;
import org.portpass.core.Role;

/** Test accounts, created through the real account service inside the container. */
final class Accounts {
  static final String ADMIN = "it-admin";
  static final String PASSWORD = "it-password-123";

  private Accounts() {}

  /**
   * Creates the account unless it exists already (tests of one container share accounts). Runs on a
   * thread of its own: the long-lived probe thread can carry a rolled-back JPA coordination from an
   * earlier test, and OpenJPA then answers InvalidStateException.
   */
  static void ensure(
      AccountService accounts,
      String username,
      Set<Role> roles,
      Long companyId,
      Set<String> ports) {
    ExecutorService own = Executors.newSingleThreadExecutor();
    try {
      own.submit(() -> create(accounts, username, roles, companyId, ports))
          .get(2, TimeUnit.MINUTES);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("creating test account " + username, e);
    } finally {
      own.shutdown();
    }
  }

  private static Void create(
      AccountService accounts,
      String username,
      Set<Role> roles,
      Long companyId,
      Set<String> ports) {
    // look first: a refused duplicate rolls back a transaction
    if (accounts.list(Caller.system("itest"), username, PageRequest.first(50)).items().stream()
        .anyMatch(a -> a.username().equals(username))) {
      return null;
    }
    try {
      accounts.create(
          Caller.system("itest"),
          new NewAccount(
              username, PASSWORD, username, null, "02-0000-0000", roles, companyId, ports));
    } catch (ConflictException exists) {
      // created by an earlier test
    }
    return null;
  }
}
