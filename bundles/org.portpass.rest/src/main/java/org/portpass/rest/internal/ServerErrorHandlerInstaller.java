package org.portpass.rest.internal;

import java.io.IOException;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * A Jetty handler service, which pax-web adds to its server: it is given the server, and makes
 * {@link ServerErrorHandler} the server's error handler (the one for requests no context takes). On
 * every request it sets the security headers first, so even an answer of the container itself
 * carries them. It handles only TRACE (which would echo the request, credentials included), TRACK
 * and CONNECT, no methods of PortPass: a 405 problem for every path, here because pax-web answers
 * TRACE itself before any filter runs, with an empty 405.
 */
@Component(service = Handler.class, property = "service.ranking:Integer=1000")
public class ServerErrorHandlerInstaller extends AbstractHandler {
  private static final Set<String> REFUSED = Set.of("TRACE", "TRACK", "CONNECT");
  private volatile ErrorHandler previous;

  @Override
  public void setServer(Server server) {
    super.setServer(server);
    if (server != null && !(server.getErrorHandler() instanceof ServerErrorHandler)) {
      previous = server.getErrorHandler();
      ServerErrorHandler handler = new ServerErrorHandler();
      // given the server before the server may start it as a bean: a started handler refuses one
      handler.setServer(server);
      server.setErrorHandler(handler);
    }
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    ServletProblems.SECURITY_HEADERS.forEach(response::setHeader);
    if (REFUSED.contains(request.getMethod())) {
      response.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
      ServletProblems.write(request, response, 405, null);
      baseRequest.setHandled(true);
    }
  }

  @Deactivate
  void deactivate() {
    Server server = getServer();
    if (server != null && server.getErrorHandler() instanceof ServerErrorHandler) {
      server.setErrorHandler(previous != null ? previous : new ErrorHandler());
    }
  }
}
