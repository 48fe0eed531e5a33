package org.portpass.card.shell.internal;

import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.card.CardJob;
import org.portpass.shell.Commands;

/** Prints a job with its attempts, the same way for every command that changes one. */
final class CardJobPrinter {
  private CardJobPrinter() {}

  static void print(CardJob job) {
    System.out.printf(
        "Job %d, pass %s at %s: %s%s%n",
        job.id(),
        job.passNumber(),
        job.port(),
        job.status(),
        job.lastError() == null ? "" : " (" + job.lastError() + ")");
    ShellTable table = new ShellTable();
    table.column("Step");
    table.column("Card");
    table.column("Desk");
    table.column("Device");
    table.column("Outcome");
    table.column("Message");
    for (CardJob.Attempt a : job.attempts()) {
      table
          .addRow()
          .addContent(
              a.step(),
              Commands.orDash(a.cardSerial()),
              a.desk(),
              Commands.orDash(a.device()),
              a.outcome() == null
                  ? "running"
                  : a.outcome() + (a.fault() == null ? "" : " " + a.fault()),
              Commands.orDash(a.message()));
    }
    table.print(System.out);
  }
}
