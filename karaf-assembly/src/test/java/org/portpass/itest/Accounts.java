package org.portpass.itest;

import java.util.Set;
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

  /** Creates the account unless it exists already (tests of one container share accounts). */
  static void ensure(
      AccountService accounts,
      String username,
      Set<Role> roles,
      Long companyId,
      Set<String> ports) {
    // look first: a refused duplicate rolls back a transaction on this long-lived probe thread
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
