package org.portpass.auth.rest.internal;

import javax.servlet.http.HttpServletRequest;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.portpass.auth.AuthenticationService;
import org.portpass.core.Caller;
import org.portpass.core.UnauthorizedException;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.ClientAddresses;
import org.portpass.rest.LiveServices;
import org.portpass.rest.RequestIds;

/** The caller of a request is the account of its {@code Authorization: Bearer} token. */
@Component
public class TokenCallerResolver implements CallerResolver {
  private final LiveServices services;
  private final AuthenticationService authentication;
  private final ClientAddresses clients;

  @Activate
  public TokenCallerResolver(BundleContext context, @Reference ClientAddresses clients) {
    this.services = new LiveServices(context);
    this.authentication = services.of(AuthenticationService.class);
    this.clients = clients;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @Override
  public Caller resolve(HttpServletRequest request) {
    return authentication.authenticate(
        bearer(request), clients.of(request), RequestIds.of(request));
  }

  static String bearer(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new UnauthorizedException(
          "log in first and send Authorization: Bearer <token>", "login-first");
    }
    return header.substring(7).strip();
  }
}
