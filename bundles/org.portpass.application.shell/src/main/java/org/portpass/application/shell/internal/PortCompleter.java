package org.portpass.application.shell.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.osgi.service.cm.ConfigurationAdmin;

/** Completes the codes of the known ports (configured, else the defaults). */
@Service
public class PortCompleter implements Completer {
  @Reference ConfigurationAdmin configAdmin;

  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    Map<String, Object> properties;
    try {
      properties = ApplicationConfig.read(configAdmin);
    } catch (IOException e) {
      properties = Map.of();
    }
    StringsCompleter delegate = new StringsCompleter(ApplicationConfig.ports(properties), false);
    return delegate.complete(session, commandLine, candidates);
  }
}
