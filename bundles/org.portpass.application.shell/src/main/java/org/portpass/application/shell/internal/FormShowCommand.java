package org.portpass.application.shell.internal;

import java.util.TreeSet;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.application.ApplicationForm;
import org.portpass.application.ApplicationService;
import org.portpass.application.FormLine;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

@Service
@Command(
    scope = "portpass",
    name = "form-show",
    description = "Show an application form and the review state of each of its lines")
public class FormShowCommand implements Action {
  @Reference ApplicationService applications;

  @Argument(index = 0, name = "id", description = "Form id", required = true)
  @Completion(FormIdCompleter.class)
  long id;

  @Override
  public Object execute() {
    ApplicationForm form = Commands.run(() -> applications.getForm(ShellCallers.current(), id));
    if (form == null) {
      return null;
    }
    header(form).print(System.out);
    lines(form).print(System.out);
    System.out.printf("%d lines%n", form.lines().size());
    return null;
  }

  private static ShellTable header(ApplicationForm form) {
    ShellTable header = new ShellTable().noHeaders();
    header.column("Field");
    header.column("Value").maxSize(80).wrap();
    header.addRow().addContent("ID", form.id());
    header.addRow().addContent("Number", Commands.orDash(form.number()));
    header.addRow().addContent("Company", form.companyId());
    header.addRow().addContent("Pass type", Commands.orDash(form.passType()));
    header.addRow().addContent("Access ports", FormListCommand.ports(form.accessPorts()));
    header.addRow().addContent("Pickup port", Commands.orDash(form.pickupPort()));
    header.addRow().addContent("Purpose", Commands.orDash(form.purpose()));
    header.addRow().addContent("Status", form.status());
    header
        .addRow()
        .addContent(
            "Company attachments",
            form.companyAttachmentIds().isEmpty() ? "-" : form.companyAttachmentIds());
    header.addRow().addContent("Version", form.version());
    header.addRow().addContent("Created", form.createdAt());
    header.addRow().addContent("Submitted", Commands.orDash(form.submittedAt()));
    return header;
  }

  private static ShellTable lines(ApplicationForm form) {
    ShellTable lines = new ShellTable();
    lines.column("No").alignRight();
    lines.column("Line ID").alignRight();
    lines.column("Subject");
    lines.column("Kind");
    lines.column("Valid from");
    lines.column("Valid to");
    lines.column("Status");
    lines.column("Pending ports");
    lines.column("Rev").alignRight();
    lines.column("Last reason").maxSize(50);
    for (FormLine l : form.lines()) {
      lines
          .addRow()
          .addContent(
              l.lineNo(),
              l.id(),
              Commands.orDash(l.subjectLabel()),
              l.subjectKind(),
              Commands.orDash(l.validFrom()),
              Commands.orDash(l.validTo()),
              l.status(),
              l.pendingPorts().isEmpty() ? "-" : String.join(",", new TreeSet<>(l.pendingPorts())),
              l.revision(),
              Commands.orDash(l.lastReason()));
    }
    return lines;
  }
}
