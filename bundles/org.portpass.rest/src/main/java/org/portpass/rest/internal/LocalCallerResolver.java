package org.portpass.rest.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import org.osgi.service.component.annotations.Component;
import org.portpass.core.Caller;
import org.portpass.core.Role;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.UnauthorizedException;

/**
 * Until accounts and login exist, the API trusts only requests from this machine and treats them as
 * the local administrator; anything else is refused. A login-based resolver with a higher service
 * ranking replaces this one.
 */
@Component(property = "service.ranking:Integer=-100")
public class LocalCallerResolver implements CallerResolver {
  @Override
  public Caller resolve(HttpServletRequest request) {
    if (!isLoopback(request.getRemoteAddr())) {
      throw new UnauthorizedException("this server accepts requests from its own machine only");
    }
    return new Caller(
        "local-operator",
        Set.of(Role.ADMIN),
        null,
        Set.of(),
        request.getRemoteAddr(),
        request.getHeader(ResponseHeadersFilter.REQUEST_ID));
  }

  private static boolean isLoopback(String address) {
    try {
      return address != null && InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
