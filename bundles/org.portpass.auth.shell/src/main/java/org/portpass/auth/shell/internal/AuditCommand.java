package org.portpass.auth.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.core.AuditEvent;
import org.portpass.core.AuditLog;
import org.portpass.core.AuditQuery;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

@Service
@Command(scope = "portpass", name = "audit", description = "Show the audit trail, newest first")
public class AuditCommand implements Action {
  @Reference AuditLog audit;

  @Option(name = "-u", aliases = "--actor", description = "Only this actor")
  String actor;

  @Option(
      name = "-a",
      aliases = "--action",
      description = "Only actions starting with this, e.g. person.")
  String action;

  @Option(name = "-n", aliases = "--max", description = "How many events")
  int max = 30;

  @Override
  public Object execute() {
    Page<AuditEvent> events =
        Commands.run(
            () ->
                audit.find(
                    ShellCallers.current(),
                    new AuditQuery(actor, action, null, null, null, null),
                    PageRequest.first(Math.min(Math.max(max, 1), PageRequest.MAX_SIZE))));
    if (events == null) {
      return null;
    }
    ShellTable table = new ShellTable();
    table.column("Time");
    table.column("Actor");
    table.column("Action");
    table.column("Entity");
    table.column("After").maxSize(60);
    table.column("From");
    for (AuditEvent e : events.items()) {
      table
          .addRow()
          .addContent(
              e.at(),
              e.actor(),
              e.action(),
              (e.entityType() == null ? "" : e.entityType())
                  + " "
                  + (e.entityId() == null ? "" : e.entityId()),
              e.after() == null ? "" : e.after(),
              e.clientAddress());
    }
    table.print(System.out);
    System.out.printf("%d of %d events%n", events.items().size(), events.total());
    return null;
  }
}
