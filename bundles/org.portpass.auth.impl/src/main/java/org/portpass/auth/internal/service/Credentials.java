package org.portpass.auth.internal.service;

import java.util.Set;
import org.portpass.auth.AccountStatus;
import org.portpass.auth.internal.entity.AccountEntity;
import org.portpass.core.Caller;
import org.portpass.core.Texts;
import org.portpass.core.UnauthorizedException;
import org.portpass.storage.Transactions;

/**
 * The user name and password check that a direct login and the linking of an external identity
 * share: every try is throttled and a failure counted; an unknown user name costs the same hashing
 * as a known one.
 */
final class Credentials {
  private final Transactions tx;
  private final LoginThrottle throttle;
  private volatile AuthConfig config;
  private volatile PasswordHasher hasher;

  Credentials(Transactions tx, AuthConfig config) {
    this.tx = tx;
    this.throttle = new LoginThrottle(tx);
    configure(config);
  }

  void configure(AuthConfig config) {
    this.config = config;
    this.hasher = new PasswordHasher(config.pbkdf2Iterations());
  }

  /** The active account with this (normalised) user name and password. */
  AccountEntity check(String name, String password, String address, Caller anonymous) {
    throttle.requireNotLocked(config, name, address, anonymous);
    AccountEntity account = tx.read(em -> Accounts.byUsername(em, name));
    boolean valid =
        account != null && account.getPasswordHash() != null
            ? hasher.matches(password, account.getPasswordHash())
            : burn(password);
    if (!valid) {
      throttle.failed(config, name, address, anonymous);
      throw new UnauthorizedException("the user name or password is not right", "login-wrong");
    }
    requireActive(account);
    return account;
  }

  static void requireActive(AccountEntity account) {
    if (account.getStatus() != AccountStatus.ACTIVE) {
      throw new UnauthorizedException(
          "this account is disabled; ask your administrator", "account-disabled");
    }
  }

  /** Who is logging in, before it is known: named after what they typed, for audit and throttle. */
  static Caller anonymous(String who, String address, String requestId) {
    return new Caller(Texts.cut("login:" + who, 128), Set.of(), null, Set.of(), address, requestId);
  }

  private boolean burn(String password) {
    hasher.burn(password);
    return false;
  }
}
