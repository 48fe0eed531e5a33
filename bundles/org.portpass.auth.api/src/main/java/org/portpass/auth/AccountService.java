package org.portpass.auth;

import org.osgi.annotation.versioning.ProviderType;
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;

/** Accounts and their roles. */
@ProviderType
public interface AccountService {
  /** Self-registration of a company's first account (its company administrator). */
  Account register(Registration registration, String clientAddress);

  Account create(Caller caller, NewAccount account);

  Account get(Caller caller, long id);

  /**
   * Accounts the caller manages: all for administrators, their company's for company
   * administrators.
   */
  Page<Account> list(Caller caller, String text, PageRequest page);

  Account update(Caller caller, long id, AccountChanges changes);

  /** The caller changes their own password, proving the current one. */
  void changePassword(Caller caller, String currentPassword, String newPassword);

  /** An administrator (or the company administrator) sets a new password for an account. */
  void resetPassword(Caller caller, long id, String newPassword);
}
