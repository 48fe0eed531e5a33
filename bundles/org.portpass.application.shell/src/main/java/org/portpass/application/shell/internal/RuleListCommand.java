package org.portpass.application.shell.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.portpass.application.ReviewRule;
import org.portpass.core.PortCode;

/**
 * The review rules installed per port, read from the service registry as the application service
 * sees them: {@link ReviewRule} services with their {@value ReviewRule#PORT} property.
 */
@Service
@Command(
    scope = "portpass",
    name = "rule-list",
    description = "List the review rules installed per port and the bundles providing them")
public class RuleListCommand implements Action {
  @Reference BundleContext bundleContext;

  @Argument(index = 0, name = "port", description = "Only this port's rules")
  @Completion(PortCompleter.class)
  String port;

  private record Row(String port, String ruleId, String bundle, long bundleId) {}

  @Override
  public Object execute() throws InvalidSyntaxException {
    String only = PortCode.normaliseOptional(port);
    Collection<ServiceReference<ReviewRule>> references =
        bundleContext.getServiceReferences(ReviewRule.class, null);
    List<Row> rows = new ArrayList<>();
    for (ServiceReference<ReviewRule> reference : references) {
      Bundle bundle = reference.getBundle();
      if (bundle == null) {
        continue; // unregistered meanwhile
      }
      String code = port(reference.getProperty(ReviewRule.PORT));
      if (only != null && !only.equals(code)) {
        continue;
      }
      String ruleId = ruleId(reference);
      if (ruleId == null) {
        continue; // unregistered meanwhile
      }
      rows.add(new Row(code, ruleId, bundle.getSymbolicName(), bundle.getBundleId()));
    }
    rows.sort(Comparator.comparing(Row::port).thenComparing(Row::ruleId));
    ShellTable table = new ShellTable();
    table.column("Port");
    table.column("Rule");
    table.column("Bundle");
    table.column("Bundle ID").alignRight();
    for (Row r : rows) {
      table.addRow().addContent(r.port(), r.ruleId(), r.bundle(), r.bundleId());
    }
    table.print(System.out);
    System.out.printf("%d rules%n", rows.size());
    if (rows.stream().anyMatch(r -> r.port().equals("-"))) {
      System.out.println(
          "Rules without a " + ReviewRule.PORT + " property (port -) are not applied to any port.");
    }
    return null;
  }

  /** The rule's id; {@code null} if the service is gone. The service is released at once. */
  private String ruleId(ServiceReference<ReviewRule> reference) {
    ReviewRule rule = bundleContext.getService(reference);
    if (rule == null) {
      return null;
    }
    try {
      String id = rule.id();
      return id == null ? "(no id)" : id;
    } catch (RuntimeException e) {
      return "(id() failed: " + e + ")";
    } finally {
      bundleContext.ungetService(reference);
    }
  }

  /** The port code as the application service reads it: trimmed, upper case; "-" if missing. */
  private static String port(Object value) {
    if (value == null) {
      return "-";
    }
    if (value instanceof Object[] array) {
      return Arrays.toString(array);
    }
    return PortCode.normalise(value.toString());
  }
}
