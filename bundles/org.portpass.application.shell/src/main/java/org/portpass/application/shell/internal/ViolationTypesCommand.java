package org.portpass.application.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.application.SanctionService;
import org.portpass.application.ViolationType;
import org.portpass.shell.Commands;

/** The violation types in effect at a port (or the defaults). */
@Service
@Command(
    scope = "portpass",
    name = "violation-types",
    description = "List the violation types and their bans in effect at a port (or the defaults)")
public class ViolationTypesCommand implements Action {
  @Reference SanctionService sanctions;

  @Argument(index = 0, name = "port", description = "A port code; the defaults when left out")
  @Completion(PortCompleter.class)
  String port;

  @Override
  public Object execute() {
    Commands.run(
        () -> {
          ShellTable table = new ShellTable();
          table.column("Code");
          table.column("Defined for");
          table.column("Ban, months").alignRight();
          table.column("Single-visit");
          table.column("Name");
          table.column("名稱");
          for (ViolationType t : sanctions.types(port)) {
            table
                .addRow()
                .addContent(
                    t.code(),
                    t.port(),
                    t.banMonths(),
                    t.singleVisitAllowed() ? "allowed" : "banned",
                    t.nameEn(),
                    t.nameZhTw());
          }
          table.print(System.out);
          return table;
        });
    return null;
  }
}
