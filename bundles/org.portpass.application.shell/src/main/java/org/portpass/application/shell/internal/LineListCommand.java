package org.portpass.application.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.application.Finding;
import org.portpass.application.ReviewService;
import org.portpass.application.ReviewTask;
import org.portpass.application.Stage;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.PortCode;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

@Service
@Command(
    scope = "portpass",
    name = "line-list",
    description = "List the lines waiting for a port's decision at a review stage, oldest first")
public class LineListCommand implements Action {
  @Reference ReviewService reviews;

  @Argument(index = 0, name = "port", description = "Port code, e.g. KEL", required = true)
  @Completion(PortCompleter.class)
  String port;

  @Argument(
      index = 1,
      name = "stage",
      description = "Review stage: REVIEW, POLICE or SUPERVISOR",
      required = true)
  @Completion(
      value = StringsCompleter.class,
      values = {"REVIEW", "POLICE", "SUPERVISOR"},
      caseSensitive = false)
  String stage;

  @Option(name = "-f", aliases = "--findings", description = "Also list the rule findings")
  boolean showFindings;

  @Option(name = "-p", aliases = "--page", description = "Page number, from 0")
  int page = 0;

  @Override
  public Object execute() {
    Page<ReviewTask> result =
        Commands.run(
            () ->
                reviews.queue(
                    ShellCallers.current(),
                    port,
                    Commands.parse(Stage.class, "stage", stage),
                    new PageRequest(page, PageRequest.DEFAULT_SIZE)));
    if (result == null) {
      return null;
    }
    tasks(result).print(System.out);
    System.out.printf(
        "%s %s: page %d, %d of %d lines waiting%n",
        PortCode.normalise(port),
        stage.strip().toUpperCase(),
        page,
        result.items().size(),
        result.total());
    if (showFindings) {
      findings(result).print(System.out);
    }
    return null;
  }

  private static ShellTable tasks(Page<ReviewTask> result) {
    ShellTable table = new ShellTable();
    table.column("Line ID").alignRight();
    table.column("Form");
    table.column("Form ID").alignRight();
    table.column("Company").alignRight();
    table.column("Kind");
    table.column("Subject");
    table.column("Rev").alignRight();
    table.column("Findings");
    for (ReviewTask t : result.items()) {
      long blocking = t.findings().stream().filter(Finding::isBlocking).count();
      table
          .addRow()
          .addContent(
              t.lineId(),
              Commands.orDash(t.formNumber()),
              t.formId(),
              t.companyId(),
              t.subjectKind(),
              Commands.orDash(t.subjectLabel()),
              t.revision(),
              t.findings().size() + (blocking > 0 ? " (" + blocking + " blocking)" : ""));
    }
    return table;
  }

  private static ShellTable findings(Page<ReviewTask> result) {
    ShellTable findings = new ShellTable();
    findings.column("Line ID").alignRight();
    findings.column("Rule");
    findings.column("Port");
    findings.column("Severity");
    findings.column("Field");
    findings.column("Message").maxSize(80).wrap();
    for (ReviewTask t : result.items()) {
      for (Finding f : t.findings()) {
        findings
            .addRow()
            .addContent(
                t.lineId(),
                f.ruleId(),
                Commands.orDash(f.port()),
                f.severity(),
                Commands.orDash(f.field()),
                f.message());
      }
    }
    return findings;
  }
}
