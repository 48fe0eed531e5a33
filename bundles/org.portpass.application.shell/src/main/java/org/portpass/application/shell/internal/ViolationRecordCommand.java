package org.portpass.application.shell.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.portpass.application.SanctionService;
import org.portpass.application.SubjectKind;
import org.portpass.application.Violation;
import org.portpass.application.ViolationInput;
import org.portpass.core.PortTime;
import org.portpass.core.ValidationException;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

/** Records a violation; with --seize the pass is seized in the same transaction. */
@Service
@Command(
    scope = "portpass",
    name = "violation-record",
    description =
        "Record a violation (違規) at a port against a person or vehicle, or seize (查扣) a pass"
            + " with --seize")
public class ViolationRecordCommand implements Action {
  @Reference SanctionService sanctions;

  @Argument(index = 0, name = "type", required = true, description = "Violation type code")
  String type;

  @Argument(index = 1, name = "port", required = true, description = "Where it happened")
  String port;

  @Option(name = "--seize", description = "The pass seized; its holder is the subject")
  String seize;

  @Option(name = "--person", description = "The person's id (without --seize)")
  Long person;

  @Option(name = "--vehicle", description = "The vehicle's id (without --seize)")
  Long vehicle;

  @Option(name = "--on", description = "The day it happened (yyyy-mm-dd), today when left out")
  String on;

  @Argument(index = 2, name = "note", multiValued = true, description = "What happened")
  List<String> note;

  @Override
  public Object execute() {
    Violation v =
        Commands.run(
            () -> {
              SubjectKind kind =
                  person != null
                      ? SubjectKind.PERSON
                      : vehicle != null ? SubjectKind.VEHICLE : null;
              Long id = person != null ? person : vehicle;
              ViolationInput input =
                  new ViolationInput(
                      kind,
                      id,
                      type,
                      day(),
                      port,
                      seize,
                      note == null ? null : String.join(" ", note));
              return sanctions.record(ShellCallers.current(), input);
            });
    if (v != null) {
      System.out.printf(
          "Violation %d recorded: %s %d, %s at %s on %s%s%s%n",
          v.id(),
          v.subjectKind(),
          v.subjectId(),
          v.type(),
          v.port(),
          v.occurredOn(),
          v.seizedPass() == null ? "" : "; pass " + v.seizedPass() + " seized",
          v.bannedUntil() == null ? "; no ban" : "; banned until " + v.bannedUntil());
    }
    return null;
  }

  private LocalDate day() {
    if (on == null || on.isBlank()) {
      return LocalDate.now(PortTime.ZONE);
    }
    try {
      return LocalDate.parse(on.strip());
    } catch (DateTimeParseException e) {
      // untranslated: shell commands speak English
      throw new ValidationException("--on", "must be a date such as 2026-12-31");
    }
  }
}
