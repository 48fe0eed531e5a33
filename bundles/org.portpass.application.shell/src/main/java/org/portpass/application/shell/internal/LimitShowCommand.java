package org.portpass.application.shell.internal;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.service.cm.ConfigurationAdmin;
import org.portpass.core.PortDirectory;

/**
 * The validity and frequency limits in force, read from configuration PID {@value
 * ApplicationConfig#PID} with the application service's defaults (see {@link ApplicationConfig}).
 */
@Service
@Command(
    scope = "portpass",
    name = "limit-show",
    description =
        "Show the validity and frequency limits in force (configuration PID "
            + ApplicationConfig.PID
            + ")")
public class LimitShowCommand implements Action {
  private static final Map<String, String> DESCRIPTIONS =
      Map.of(
          ApplicationConfig.MAX_LONG_TERM_DAYS, "Longest validity of a long-term pass, days",
          ApplicationConfig.MAX_TEMPORARY_DAYS, "Longest validity of a temporary pass, days",
          ApplicationConfig.SUBMISSIONS_PER_COMPANY_PER_DAY, "Forms a company may submit per day",
          ApplicationConfig.TEMPORARY_PER_PERSON,
              "Temporary passes per person and port within 30 days");

  @Reference ConfigurationAdmin configAdmin;

  @Reference PortDirectory portDirectory;

  @Override
  public Object execute() {
    Map<String, Object> properties;
    try {
      properties = ApplicationConfig.read(configAdmin);
    } catch (IOException e) {
      System.err.println(
          "Error: cannot read configuration " + ApplicationConfig.PID + ": " + e.getMessage());
      return null;
    }
    Set<String> ports = portDirectory.codes();

    ShellTable table = new ShellTable();
    table.column("Limit");
    table.column("Port");
    table.column("Value").alignRight();
    table.column("Source");
    table.column("Meaning");
    Map<String, Integer> inForce = new TreeMap<>();
    for (Map.Entry<String, Integer> limit : ApplicationConfig.DEFAULTS.entrySet()) {
      String key = limit.getKey();
      Object raw = properties.get(key);
      Integer configured = ApplicationConfig.number(raw);
      int value = configured == null ? limit.getValue() : configured;
      inForce.put(key, value);
      String source =
          raw == null ? "default" : configured != null ? "configured" : invalid(raw) + ", default";
      table
          .addRow()
          .addContent(
              key,
              key.equals(ApplicationConfig.TEMPORARY_PER_PERSON) ? "all" : "-",
              value,
              source,
              DESCRIPTIONS.get(key));
    }

    // per-port overrides of the frequency limit, e.g. KEL.temporaryPassesPerPersonPer30Days = 2
    String suffix = "." + ApplicationConfig.TEMPORARY_PER_PERSON;
    Map<String, Object> overrides = new TreeMap<>();
    properties.forEach(
        (key, raw) -> {
          if (key.endsWith(suffix) && key.length() > suffix.length()) {
            overrides.put(key.substring(0, key.length() - suffix.length()), raw);
          }
        });
    overrides.forEach(
        (port, raw) -> {
          Integer configured = ApplicationConfig.number(raw);
          int fallback = inForce.get(ApplicationConfig.TEMPORARY_PER_PERSON);
          String source;
          if (!ports.contains(port)) {
            source = "configured, no effect: " + port + " is not a known port";
          } else if (configured == null) {
            source = invalid(raw) + ", all-ports value";
          } else {
            source = "configured for port";
          }
          table
              .addRow()
              .addContent(
                  ApplicationConfig.TEMPORARY_PER_PERSON,
                  port,
                  configured == null ? fallback : configured,
                  source,
                  DESCRIPTIONS.get(ApplicationConfig.TEMPORARY_PER_PERSON));
        });
    table.print(System.out);
    System.out.printf(
        "Known ports (configuration %s): %s%n", PortDirectory.PID, String.join(",", ports));
    System.out.printf(
        "Set a limit with config:property-set -p %s <limit> <value>; for one port use"
            + " <PORT>.%s%n",
        ApplicationConfig.PID, ApplicationConfig.TEMPORARY_PER_PERSON);
    return null;
  }

  private static String invalid(Object raw) {
    return "invalid '" + raw + "' ignored";
  }
}
