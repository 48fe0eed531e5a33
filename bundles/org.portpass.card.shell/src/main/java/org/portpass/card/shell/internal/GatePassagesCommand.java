package org.portpass.card.shell.internal;

import java.time.Instant;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.card.gate.GatePassage;
import org.portpass.card.gate.GatePassageQuery;
import org.portpass.card.gate.GatePassageService;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

/** Gate passage records (進出紀錄), newest first, per port and per pass. */
@Service
@Command(scope = "portpass", name = "gate-passages", description = "List gate passage records")
public class GatePassagesCommand implements Action {
  @Reference GatePassageService passages;

  @Option(name = "--port", description = "Only this port's gates, e.g. KEL")
  String port;

  @Option(name = "--pass", description = "Only this pass, e.g. KEL-2026-0000001")
  String pass;

  @Option(name = "--from", description = "From this time, e.g. 2026-12-04T00:00:00Z")
  String from;

  @Option(name = "--page", description = "Page number, from 0")
  int page;

  @Override
  public Object execute() {
    Page<GatePassage> found =
        Commands.run(
            () ->
                passages.find(
                    ShellCallers.current(),
                    new GatePassageQuery(
                        port, pass, from == null ? null : Instant.parse(from), null),
                    new PageRequest(page, 50)));
    if (found == null) {
      return null;
    }
    ShellTable table = new ShellTable();
    table.column("Time");
    table.column("Port");
    table.column("Zone");
    table.column("Pass");
    table.column("Card");
    table.column("Result");
    table.column("Gate");
    for (GatePassage p : found.items()) {
      table
          .addRow()
          .addContent(
              p.passedAt(),
              p.port(),
              Commands.orDash(p.zone()),
              Commands.orDash(p.passNumber()),
              Commands.orDash(p.cardSerial()),
              p.result(),
              p.reportedBy());
    }
    table.print(System.out);
    System.out.printf("%d of %d records%n", found.items().size(), found.total());
    return null;
  }
}
