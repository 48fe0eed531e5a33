package org.portpass.registry.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.portpass.registry.Company;
import org.portpass.registry.CompanyService;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

@Service
@Command(
    scope = "portpass",
    name = "company-verify",
    description = "Verify a company's data so its accounts may apply")
public class CompanyVerifyCommand implements Action {
  @Reference CompanyService companies;

  @Argument(index = 0, name = "id", description = "Company id", required = true)
  @Completion(CompanyIdCompleter.class)
  long id;

  @Override
  public Object execute() {
    Company company = Commands.run(() -> companies.verify(ShellCallers.current(), id));
    if (company != null) {
      System.out.printf("Company %d %s is %s%n", company.id(), company.name(), company.status());
    }
    return null;
  }
}
