package org.portpass.registry.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.registry.Vehicle;
import org.portpass.registry.VehicleQuery;
import org.portpass.registry.VehicleService;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

@Service
@Command(
    scope = "portpass",
    name = "vehicle-list",
    description = "List the vehicles of a company (or all)")
public class VehicleListCommand implements Action {
  @Reference VehicleService vehicles;

  @Argument(
      index = 0,
      name = "companyId",
      description = "Owner company id; all companies if omitted")
  @Completion(CompanyIdCompleter.class)
  Long companyId;

  @Option(name = "-p", aliases = "--page", description = "Page number, from 0")
  int page = 0;

  @Override
  public Object execute() {
    Page<Vehicle> result =
        Commands.run(
            () ->
                vehicles.search(
                    ShellCallers.current(),
                    new VehicleQuery(null, companyId),
                    new PageRequest(page, 50)));
    if (result == null) {
      return null;
    }
    ShellTable table = new ShellTable();
    table.column("ID").alignRight();
    table.column("Plate");
    table.column("Type");
    table.column("Make");
    table.column("Colour");
    table.column("Owner");
    for (Vehicle v : result.items()) {
      table
          .addRow()
          .addContent(
              v.id(),
              v.plateNumber(),
              v.type(),
              v.make(),
              v.colour(),
              v.companyTaxId() + " " + v.companyName());
    }
    table.print(System.out);
    System.out.printf("page %d, %d of %d vehicles%n", page, result.items().size(), result.total());
    return null;
  }
}
