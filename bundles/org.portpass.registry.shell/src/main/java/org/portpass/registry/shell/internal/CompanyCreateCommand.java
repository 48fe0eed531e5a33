package org.portpass.registry.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.portpass.registry.Company;
import org.portpass.registry.CompanyService;
import org.portpass.registry.NewCompany;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

@Service
@Command(
    scope = "portpass",
    name = "company-create",
    description = "Create a company (PENDING until verified)")
public class CompanyCreateCommand implements Action {
  @Reference CompanyService companies;

  @Argument(index = 0, name = "taxId", description = "Tax ID (統一編號), 8 digits", required = true)
  String taxId;

  @Argument(index = 1, name = "name", description = "Registered name", required = true)
  String name;

  @Option(name = "--name-en", description = "English name")
  String nameEn;

  @Option(name = "--phone", description = "Phone")
  String phone;

  @Option(name = "--address", description = "Address")
  String address;

  @Option(name = "--industry", description = "Industry type (行業別)")
  String industry;

  @Override
  public Object execute() {
    Company company =
        Commands.run(
            () ->
                companies.create(
                    ShellCallers.current(),
                    new NewCompany(taxId, name, nameEn, address, phone, industry, List.of())));
    if (company != null) {
      System.out.printf(
          "Created company %d: %s %s (%s)%n",
          company.id(), company.taxId(), company.name(), company.status());
    }
    return null;
  }
}
