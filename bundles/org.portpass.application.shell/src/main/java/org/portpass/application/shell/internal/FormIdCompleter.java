package org.portpass.application.shell.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.portpass.application.ApplicationService;
import org.portpass.application.FormQuery;
import org.portpass.application.FormSummary;
import org.portpass.core.PageRequest;
import org.portpass.shell.ShellCallers;

/** Completes form ids, showing the newest forms' ids. */
@Service
public class FormIdCompleter implements Completer {
  @Reference ApplicationService applications;

  @Override
  public int complete(Session session, CommandLine commandLine, List<String> candidates) {
    StringsCompleter delegate = new StringsCompleter();
    for (FormSummary f :
        applications
            .listForms(
                ShellCallers.current(),
                new FormQuery(null, null, null, null),
                PageRequest.first(200))
            .items()) {
      delegate.getStrings().add(Long.toString(f.id()));
    }
    return delegate.complete(session, commandLine, candidates);
  }
}
