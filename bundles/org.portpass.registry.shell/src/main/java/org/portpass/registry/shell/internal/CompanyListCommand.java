package org.portpass.registry.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.registry.Company;
import org.portpass.registry.CompanyService;
import org.portpass.shell.ShellCallers;

@Service
@Command(scope = "portpass", name = "company-list", description = "List companies")
public class CompanyListCommand implements Action {
  @Reference CompanyService companies;

  @Option(name = "-q", aliases = "--query", description = "Part of the name or tax ID")
  String query;

  @Option(name = "-p", aliases = "--page", description = "Page number, from 0")
  int page = 0;

  @Override
  public Object execute() {
    Page<Company> result = companies.list(ShellCallers.current(), query, new PageRequest(page, 50));
    ShellTable table = new ShellTable();
    table.column("ID").alignRight();
    table.column("Tax ID");
    table.column("Name");
    table.column("Status");
    table.column("Phone");
    for (Company c : result.items()) {
      table.addRow().addContent(c.id(), c.taxId(), c.name(), c.status(), c.phone());
    }
    table.print(System.out);
    System.out.printf("page %d, %d of %d companies%n", page, result.items().size(), result.total());
    return null;
  }
}
