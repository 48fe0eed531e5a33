package org.portpass.card.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.card.CardDesk;
import org.portpass.shell.Commands;

/** The desks running on this node and how their devices answer now. */
@Service
@Command(
    scope = "portpass",
    name = "card-desks",
    description = "List the card desks on this node and their devices")
public class CardDesksCommand implements Action {
  @Reference List<CardDesk> desks;

  @Override
  public Object execute() {
    ShellTable table = new ShellTable();
    table.column("Port");
    table.column("Desk");
    table.column("Auto");
    table.column("Device");
    table.column("Driver");
    table.column("State");
    for (CardDesk desk : desks) {
      CardDesk.DeskStatus status = desk.status();
      for (CardDesk.DeviceState d : status.devices()) {
        table
            .addRow()
            .addContent(
                status.port(),
                status.desk(),
                status.autoRun() ? "yes" : "no",
                d.kind(),
                Commands.orDash(d.name()),
                (d.online() ? "online" : "OFFLINE") + " - " + d.detail());
      }
    }
    table.print(System.out);
    System.out.printf("%d desks%n", desks.size());
    return null;
  }
}
