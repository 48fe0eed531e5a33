package org.portpass.auth.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.auth.Account;
import org.portpass.auth.AccountService;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

@Service
@Command(scope = "portpass", name = "account-list", description = "List accounts with their roles")
public class AccountListCommand implements Action {
  @Reference AccountService accounts;

  @Option(name = "-q", aliases = "--query", description = "Part of the user name or display name")
  String query;

  @Option(name = "-p", aliases = "--page", description = "Page number, from 0")
  int page = 0;

  @Override
  public Object execute() {
    Page<Account> result =
        Commands.run(() -> accounts.list(ShellCallers.current(), query, new PageRequest(page, 50)));
    if (result == null) {
      return null;
    }
    ShellTable table = new ShellTable();
    table.column("ID").alignRight();
    table.column("User");
    table.column("Roles");
    table.column("Company");
    table.column("Ports");
    table.column("Status");
    table.column("MTNet");
    for (Account a : result.items()) {
      table
          .addRow()
          .addContent(
              a.id(),
              a.username(),
              a.roles(),
              a.companyId() == null ? "" : a.companyId(),
              a.ports(),
              a.status(),
              a.mtnetLinked() ? "linked" : "");
    }
    table.print(System.out);
    System.out.printf("page %d, %d of %d accounts%n", page, result.items().size(), result.total());
    return null;
  }
}
