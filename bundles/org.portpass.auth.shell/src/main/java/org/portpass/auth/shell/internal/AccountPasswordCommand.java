package org.portpass.auth.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.portpass.auth.AccountService;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

@Service
@Command(
    scope = "portpass",
    name = "account-password",
    description = "Set a new password for an account (asked for, hidden)")
public class AccountPasswordCommand implements Action {
  @Reference AccountService accounts;
  @Reference Session session;

  @Argument(index = 0, name = "id", description = "Account id", required = true)
  long id;

  @Override
  public Object execute() throws Exception {
    String password = session.readLine("New password: ", '*');
    Boolean done =
        Commands.run(
            () -> {
              accounts.resetPassword(ShellCallers.current(), id, password);
              return true;
            });
    if (done != null) {
      System.out.println("Password changed for account " + id);
    }
    return null;
  }
}
