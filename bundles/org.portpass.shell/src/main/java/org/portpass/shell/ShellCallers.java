package org.portpass.shell;

import java.security.AccessController;
import java.security.Principal;
import javax.security.auth.Subject;
import org.portpass.core.Caller;

/**
 * The shell is the administrators' interface: Karaf's JAAS realm has already authenticated the
 * user, who acts as an administrator under their own name.
 */
public final class ShellCallers {
  private ShellCallers() {}

  @SuppressWarnings("removal") // Karaf 4.4 still carries the JAAS subject on the access context
  public static Caller current() {
    Subject subject = Subject.getSubject(AccessController.getContext());
    String name = "shell";
    if (subject != null) {
      for (Principal principal : subject.getPrincipals()) {
        if (principal.getClass().getSimpleName().equals("UserPrincipal")) {
          name = principal.getName();
        }
      }
    }
    return Caller.system("shell:" + name);
  }
}
