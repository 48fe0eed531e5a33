package org.portpass.rest.internal;

import java.io.IOException;
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
 * carries them; it handles nothing.
 */
@Component(service = Handler.class, property = "service.ranking:Integer=1000")
public class ServerErrorHandlerInstaller extends AbstractHandler {
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
    if (!response.isCommitted()) {
      ServletProblems.SECURITY_HEADERS.forEach(response::setHeader);
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
