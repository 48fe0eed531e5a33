package org.portpass.application.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.application.SanctionService;
import org.portpass.application.Standing;
import org.portpass.application.SubjectKind;
import org.portpass.application.Violation;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

/** A subject's violations and whether it is banned today. */
@Service
@Command(
    scope = "portpass",
    name = "violation-list",
    description = "List a person's or vehicle's violations and the ban in force (管制)")
public class ViolationListCommand implements Action {
  @Reference SanctionService sanctions;

  @Argument(index = 0, name = "kind", required = true, description = "PERSON or VEHICLE")
  String kind;

  @Argument(index = 1, name = "id", required = true, description = "The person's or vehicle's id")
  long id;

  @Override
  public Object execute() {
    Commands.run(
        () -> {
          SubjectKind subject = Commands.parse(SubjectKind.class, "kind", kind);
          List<Violation> found = sanctions.ofSubject(ShellCallers.current(), subject, id);
          Standing standing = sanctions.standing(ShellCallers.current(), subject, id);
          ShellTable table = new ShellTable();
          for (String c : List.of("Id", "On", "Port", "Type", "Seized pass", "Banned until")) {
            table.column(c);
          }
          found.forEach(
              v ->
                  table
                      .addRow()
                      .addContent(
                          v.id(),
                          v.occurredOn(),
                          v.port(),
                          v.type(),
                          Commands.orDash(v.seizedPass()),
                          Commands.orDash(v.bannedUntil())));
          table.print(System.out);
          System.out.println(
              standing.banned()
                  ? "Banned from long-term and temporary passes until "
                      + standing.bannedUntil()
                      + (standing.singleVisitAllowed() ? " (single-visit passes allowed)" : "")
                  : "Not banned");
          return found;
        });
    return null;
  }
}
