package org.portpass.application.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.portpass.application.ApplicationLimits;
import org.portpass.application.ApplicationService;
import org.portpass.core.PortDirectory;
import org.portpass.shell.ShellCallers;

/** The validity and frequency limits in force, as the application service applies them. */
@Service
@Command(
    scope = "portpass",
    name = "limit-show",
    description =
        "Show the validity and frequency limits in force (configuration PID "
            + ApplicationLimits.PID
            + ")")
public class LimitShowCommand implements Action {
  @Reference ApplicationService applications;

  @Reference PortDirectory portDirectory;

  @Override
  public Object execute() {
    ShellTable table = new ShellTable();
    table.column("Limit");
    table.column("Port");
    table.column("Value").alignRight();
    table.column("Source");
    table.column("Meaning");
    for (ApplicationLimits.Limit limit : applications.limits(ShellCallers.current()).limits()) {
      table
          .addRow()
          .addContent(
              limit.name(),
              limit.port() != null
                  ? limit.port()
                  : limit.name().equals(ApplicationLimits.TEMPORARY_PER_PERSON) ? "all" : "-",
              limit.value(),
              limit.source(),
              limit.meaning());
    }
    table.print(System.out);
    System.out.printf(
        "Known ports (configuration %s): %s%n",
        PortDirectory.PID, String.join(",", portDirectory.codes()));
    System.out.printf(
        "Set a limit with config:property-set -p %s <limit> <value>; for one port use"
            + " <PORT>.%s%n",
        ApplicationLimits.PID, ApplicationLimits.TEMPORARY_PER_PERSON);
    return null;
  }
}
