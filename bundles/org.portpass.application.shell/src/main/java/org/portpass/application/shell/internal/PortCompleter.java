package org.portpass.application.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.portpass.core.PortDirectory;

/** Completes the codes of the ports in the port directory. */
@Service
public class PortCompleter implements Completer {
  @Reference PortDirectory portDirectory;

  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    StringsCompleter delegate = new StringsCompleter(portDirectory.codes(), false);
    return delegate.complete(session, commandLine, candidates);
  }
}
