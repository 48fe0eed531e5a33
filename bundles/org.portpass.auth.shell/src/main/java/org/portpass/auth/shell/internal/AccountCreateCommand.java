package org.portpass.auth.shell.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;
import org.portpass.auth.Account;
import org.portpass.auth.AccountService;
import org.portpass.auth.NewAccount;
import org.portpass.core.Role;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

@Service
@Command(
    scope = "portpass",
    name = "account-create",
    description = "Create an account, e.g. the first administrator")
public class AccountCreateCommand implements Action {
  @Reference AccountService accounts;
  @Reference Session session;

  @Argument(index = 0, name = "username", description = "Login name", required = true)
  String username;

  @Option(
      name = "-r",
      aliases = "--role",
      description =
          "Role (repeatable): ADMIN, CUSTOMER_SERVICE, COMPANY_ADMIN, COMPANY_USER, REVIEWER, POLICE, SUPERVISOR, CARD_DESK",
      required = true,
      multiValued = true)
  List<String> roles;

  @Option(name = "-c", aliases = "--company", description = "Company id, for company roles")
  Long companyId;

  @Option(
      name = "-p",
      aliases = "--port",
      description = "Port code (repeatable), for port roles",
      multiValued = true)
  List<String> ports;

  @Option(name = "--name", description = "Display name")
  String displayName;

  @Option(name = "--password", description = "Password; asked for (hidden) when omitted")
  String password;

  @Override
  public Object execute() throws Exception {
    String secret = password != null ? password : session.readLine("Password: ", '*');
    Set<Role> parsed = EnumSet.noneOf(Role.class);
    for (String role : roles) {
      try {
        parsed.add(Role.valueOf(role.strip().toUpperCase()));
      } catch (IllegalArgumentException e) {
        System.err.println("Error: unknown role " + role);
        return null;
      }
    }
    Account created =
        Commands.run(
            () ->
                accounts.create(
                    ShellCallers.current(),
                    new NewAccount(
                        username,
                        secret,
                        displayName,
                        null,
                        null,
                        parsed,
                        companyId,
                        ports == null ? Set.of() : new TreeSet<>(ports))));
    if (created != null) {
      System.out.printf(
          "Created account %d %s %s%n", created.id(), created.username(), created.roles());
    }
    return null;
  }
}
