package org.portpass.registry.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.portpass.core.PageRequest;
import org.portpass.registry.Company;
import org.portpass.registry.CompanyService;
import org.portpass.shell.ShellCallers;

/** Completes company ids, showing the first companies' ids. */
@Service
public class CompanyIdCompleter implements Completer {
  @Reference CompanyService companies;

  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    StringsCompleter delegate = new StringsCompleter();
    for (Company c : companies.list(ShellCallers.current(), null, PageRequest.first(200)).items()) {
      delegate.getStrings().add(Long.toString(c.id()));
    }
    return delegate.complete(session, commandLine, candidates);
  }
}
