package org.portpass.application.shell.internal;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.application.ApplicationService;
import org.portpass.application.FormQuery;
import org.portpass.application.FormStatus;
import org.portpass.application.FormSummary;
import org.portpass.application.LineStatus;
import org.portpass.application.PassType;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

@Service
@Command(
    scope = "portpass",
    name = "form-list",
    description = "List application forms, newest first, with their lines' states")
public class FormListCommand implements Action {
  @Reference ApplicationService applications;

  @Option(name = "-s", aliases = "--status", description = "Only forms in this status")
  @Completion(
      value = StringsCompleter.class,
      values = {"DRAFT", "SUBMITTED", "FINISHED"},
      caseSensitive = false)
  String status;

  @Option(name = "-c", aliases = "--company", description = "Only forms of this company id")
  Long companyId;

  @Option(name = "-t", aliases = "--type", description = "Only forms of this pass type")
  @Completion(
      value = StringsCompleter.class,
      values = {"LONG_TERM", "TEMPORARY"},
      caseSensitive = false)
  String passType;

  @Option(name = "-n", aliases = "--number", description = "Only form numbers starting with this")
  String number;

  @Option(name = "-p", aliases = "--page", description = "Page number, from 0")
  int page = 0;

  @Override
  public Object execute() {
    Page<FormSummary> result =
        Commands.run(
            () ->
                applications.listForms(
                    ShellCallers.current(),
                    new FormQuery(
                        companyId,
                        Commands.parse(FormStatus.class, "status", status),
                        Commands.parse(PassType.class, "type", passType),
                        number == null || number.isBlank() ? null : number.strip()),
                    new PageRequest(page, PageRequest.DEFAULT_SIZE)));
    if (result == null) {
      return null;
    }
    ShellTable table = new ShellTable();
    table.column("ID").alignRight();
    table.column("Number");
    table.column("Company").alignRight();
    table.column("Type");
    table.column("Ports");
    table.column("Pickup");
    table.column("Status");
    table.column("Lines").alignRight();
    table.column("Line states");
    for (FormSummary f : result.items()) {
      table
          .addRow()
          .addContent(
              f.id(),
              Commands.orDash(f.number()),
              f.companyId(),
              Commands.orDash(f.passType()),
              ports(f.accessPorts()),
              Commands.orDash(f.pickupPort()),
              f.status(),
              f.lineCount(),
              lineStates(f.lineCounts()));
    }
    table.print(System.out);
    System.out.printf("page %d, %d of %d forms%n", page, result.items().size(), result.total());
    return null;
  }

  /** The access ports in alphabetical order, e.g. "KEL,KHH"; a dash for none. */
  static String ports(Set<String> ports) {
    return ports.isEmpty() ? "-" : String.join(",", new TreeSet<>(ports));
  }

  /** The line counts in review-flow order, e.g. "REVIEW:3 RETURNED:1"; a dash for none. */
  static String lineStates(Map<LineStatus, Integer> counts) {
    StringBuilder text = new StringBuilder();
    for (LineStatus s : LineStatus.values()) {
      Integer count = counts.get(s);
      if (count != null && count > 0) {
        text.append(text.length() == 0 ? "" : " ").append(s).append(':').append(count);
      }
    }
    return text.length() == 0 ? "-" : text.toString();
  }
}
