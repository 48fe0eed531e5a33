package org.portpass.registry.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.registry.Employment;
import org.portpass.registry.Person;
import org.portpass.registry.PersonQuery;
import org.portpass.registry.PersonService;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

@Service
@Command(
    scope = "portpass",
    name = "person-find",
    description =
        "Find a person by identity number and show their employment history (every match: a"
            + " passport number can belong to passports of two nationalities)")
public class PersonFindCommand implements Action {
  @Reference PersonService persons;

  @Argument(
      index = 0,
      name = "identityNumber",
      description = "National ID, resident certificate or passport number",
      required = true)
  String identityNumber;

  @Override
  public Object execute() {
    Page<Person> found =
        Commands.run(
            () ->
                persons.search(
                    ShellCallers.current(),
                    new PersonQuery(identityNumber, null, null),
                    PageRequest.first(20)));
    if (found == null) {
      return null;
    }
    if (found.items().isEmpty()) {
      System.err.println("Error: no person with identity number " + identityNumber);
    }
    found.items().forEach(this::show);
    return null;
  }

  private void show(Person p) {
    ShellTable table = new ShellTable().noHeaders();
    table.column("Field");
    table.column("Value");
    table.addRow().addContent("ID", p.id());
    table
        .addRow()
        .addContent(
            "Identity",
            p.identityKind()
                + " "
                + p.identityNumber()
                + (p.nationality() == null ? "" : " (" + p.nationality() + ")"));
    table.addRow().addContent("Name (zh)", p.nameZh());
    table.addRow().addContent("Name (en)", p.nameEn());
    table.addRow().addContent("Birth date", p.birthDate());
    table.addRow().addContent("Phone", p.phone());
    table
        .addRow()
        .addContent(
            "Company", p.companyId() == null ? "-" : p.companyTaxId() + " " + p.companyName());
    table.addRow().addContent("Version", p.version());
    table.print(System.out);
    ShellTable history = new ShellTable();
    history.column("Company");
    history.column("From");
    history.column("To");
    for (Employment e : persons.employmentHistory(ShellCallers.current(), p.id())) {
      history
          .addRow()
          .addContent(
              e.companyTaxId() + " " + e.companyName(),
              e.startedAt(),
              e.endedAt() == null ? "(current)" : e.endedAt());
    }
    history.print(System.out);
  }
}
