package org.portpass.registry.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.storage.DatabaseStatus;

@Service
@Command(scope = "portpass", name = "db-status", description = "Show the database PortPass runs on")
public class DatabaseStatusCommand implements Action {
  @Reference DatabaseStatus database;

  @Override
  public Object execute() {
    DatabaseStatus.Report r = database.check();
    ShellTable table = new ShellTable().noHeaders();
    table.column("Field");
    table.column("Value");
    table.addRow().addContent("Status", r.up() ? "UP" : "DOWN");
    table.addRow().addContent("Database", r.product());
    table.addRow().addContent("URL", r.url());
    table.addRow().addContent("Changesets applied", r.appliedChangesets());
    table.addRow().addContent("Round trip", r.roundTripMillis() + " ms");
    if (r.error() != null) {
      table.addRow().addContent("Error", r.error());
    }
    table.print(System.out);
    return null;
  }
}
