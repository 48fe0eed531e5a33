package org.portpass.card.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.portpass.card.CardDesk;
import org.portpass.card.CardJob;
import org.portpass.shell.Commands;

/** Runs a desk's next job now, as the desk operator's "next card" button. */
@Service
@Command(scope = "portpass", name = "card-run", description = "Run a desk's next card job")
public class CardRunCommand implements Action {
  @Reference List<CardDesk> desks;

  @Argument(index = 0, name = "port", required = true, description = "Port code, e.g. KEL")
  String port;

  @Argument(index = 1, name = "desk", required = true, description = "Desk name, e.g. desk-1")
  String desk;

  @Override
  public Object execute() {
    CardDesk found =
        desks.stream()
            .filter(d -> d.port().equalsIgnoreCase(port) && d.desk().equals(desk))
            .findFirst()
            .orElse(null);
    if (found == null) {
      System.err.println(
          "Error: no desk " + port + "/" + desk + " runs on this node (see card-desks)");
      return null;
    }
    CardJob job = Commands.run(found::runNext);
    if (job == null) {
      System.out.println("Nothing to do at " + port + "/" + desk);
    } else {
      CardJobPrinter.print(job);
    }
    return null;
  }
}
