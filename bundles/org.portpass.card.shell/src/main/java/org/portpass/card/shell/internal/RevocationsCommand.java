package org.portpass.card.shell.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.card.CardService;
import org.portpass.card.gate.RevocationChanges;
import org.portpass.card.gate.RevocationEntry;
import org.portpass.card.gate.RevocationList;
import org.portpass.card.gate.RevocationService;
import org.portpass.card.gate.RevocationStatus;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

/** The revocation list: its status, its entries, its changes after a version, or a saved copy. */
@Service
@Command(
    scope = "portpass",
    name = "revocations",
    description = "Show the revocation list (註銷清單): status, list, or since <version>")
public class RevocationsCommand implements Action {
  @Reference RevocationService revocations;
  @Reference CardService cards;

  @Argument(
      index = 0,
      name = "what",
      description = "status (default), list, or since",
      required = false)
  @Completion(
      value = StringsCompleter.class,
      values = {"status", "list", "since"})
  String what = "status";

  @Argument(index = 1, name = "version", description = "For since: the version, e.g. 42")
  long version;

  @Option(name = "--save", description = "Also write the signed text to this file")
  String save;

  @Override
  public Object execute() throws Exception {
    switch (what) {
      case "status" -> {
        RevocationStatus status = Commands.run(() -> revocations.status(ShellCallers.current()));
        if (status != null) {
          System.out.printf(
              "Version %d, made %s, %d entries%n",
              status.version(), status.issuedAt(), status.entries());
        }
      }
      case "list" -> {
        byte[] text = Commands.run(() -> revocations.fullList(ShellCallers.current()));
        if (text != null) {
          saved(text);
          RevocationList list = RevocationList.verify(text, cards.verificationKey());
          System.out.printf(
              "Version %d, issued %s, %d entries, signature verified%n",
              list.version(), list.issuedAt(), list.entries().size());
          print(list.entries(), "");
        }
      }
      case "since" -> {
        byte[] text = Commands.run(() -> revocations.changesSince(ShellCallers.current(), version));
        if (text != null) {
          saved(text);
          RevocationChanges changes = RevocationChanges.verify(text, cards.verificationKey());
          System.out.printf(
              "Changes after version %d up to %d: %d added, %d removed%n",
              changes.since(), changes.version(), changes.added().size(), changes.removed().size());
          print(changes.added(), "+");
          changes.removed().forEach(k -> System.out.println("- " + k));
        }
      }
      default -> System.err.println("what: status, list or since, not " + what);
    }
    return null;
  }

  private void saved(byte[] text) throws java.io.IOException {
    if (save != null) {
      Files.write(Path.of(save), text);
      System.out.println("Saved to " + save);
    }
  }

  static void print(java.util.List<RevocationEntry> entries, String mark) {
    ShellTable table = new ShellTable();
    if (!mark.isEmpty()) {
      table.column("");
    }
    table.column("Kind");
    table.column("Pass or card");
    table.column("Reason");
    table.column("Since");
    table.column("Kept until");
    for (RevocationEntry e : entries) {
      var row = table.addRow();
      if (!mark.isEmpty()) {
        row.addContent(mark);
      }
      row.addContent(e.kind(), e.subject(), e.reason(), e.since(), e.keepUntil());
    }
    table.print(System.out);
  }
}
