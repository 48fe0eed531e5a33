package org.portpass.card.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.portpass.card.CardJob;
import org.portpass.card.CardService;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

/** Voids a job's current card (the operator destroys it) so a new one is printed. */
@Service
@Command(scope = "portpass", name = "card-void", description = "Void a card job's current card")
public class CardVoidCommand implements Action {
  @Reference CardService cards;

  @Argument(index = 0, name = "job", required = true, description = "Card job id")
  long job;

  @Argument(index = 1, name = "reason", required = true, multiValued = true, description = "Why")
  java.util.List<String> reason;

  @Override
  public Object execute() {
    CardJob voided =
        Commands.run(() -> cards.voidCard(ShellCallers.current(), job, String.join(" ", reason)));
    if (voided != null) {
      CardJobPrinter.print(voided);
    }
    return null;
  }
}
