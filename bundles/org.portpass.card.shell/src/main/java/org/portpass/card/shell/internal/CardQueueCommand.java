package org.portpass.card.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.card.CardJob;
import org.portpass.card.CardJobStatus;
import org.portpass.card.CardService;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

/** A port's card jobs, with their state and last error. */
@Service
@Command(scope = "portpass", name = "card-queue", description = "List a port's card jobs")
public class CardQueueCommand implements Action {
  @Reference CardService cards;

  @Argument(index = 0, name = "port", required = true, description = "Port code, e.g. KEL")
  String port;

  @Option(name = "--status", description = "Only jobs in this status, e.g. FAILED")
  String status;

  @Option(name = "--page", description = "Page number, from 0")
  int page;

  @Override
  public Object execute() {
    Page<CardJob> jobs =
        Commands.run(
            () ->
                cards.queue(
                    ShellCallers.current(),
                    port,
                    Commands.parse(CardJobStatus.class, "status", status),
                    new PageRequest(page, 50)));
    if (jobs == null) {
      return null;
    }
    ShellTable table = new ShellTable();
    table.column("Job").alignRight();
    table.column("Pass");
    table.column("Gen").alignRight();
    table.column("Status");
    table.column("Card");
    table.column("Desk");
    table.column("Attempts").alignRight();
    table.column("Last error");
    for (CardJob j : jobs.items()) {
      table
          .addRow()
          .addContent(
              j.id(),
              j.passNumber(),
              j.generation(),
              j.status() + (j.activeStep() == null ? "" : " (" + j.activeStep() + " running)"),
              Commands.orDash(j.cardSerial()),
              Commands.orDash(j.desk()),
              j.attempts().size(),
              Commands.orDash(j.lastError()));
    }
    table.print(System.out);
    System.out.printf("%d of %d jobs%n", jobs.items().size(), jobs.total());
    return null;
  }
}
