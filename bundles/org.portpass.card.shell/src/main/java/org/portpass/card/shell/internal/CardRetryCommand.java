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

/** Runs a failed job's failed step again. */
@Service
@Command(scope = "portpass", name = "card-retry", description = "Retry a failed card job's step")
public class CardRetryCommand implements Action {
  @Reference CardService cards;

  @Argument(index = 0, name = "job", required = true, description = "Card job id")
  long job;

  @Override
  public Object execute() {
    CardJob retried = Commands.run(() -> cards.retry(ShellCallers.current(), job));
    if (retried != null) {
      CardJobPrinter.print(retried);
    }
    return null;
  }
}
