package org.portpass.rest.internal;

import java.io.IOException;
import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;

/**
 * The error page of every whiteboard context: an error that a servlet, the container or the JAX-RS
 * runtime reports with {@code sendError} (a path that no resource serves, a refused method) becomes
 * problem+json instead of the container's HTML page.
 */
@Component(
    service = Servlet.class,
    property = {
      "osgi.http.whiteboard.servlet.errorPage=4xx",
      "osgi.http.whiteboard.servlet.errorPage=5xx",
      "osgi.http.whiteboard.servlet.name=portpass-error-page",
      "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=*)"
    })
public class ErrorPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Object code = request.getAttribute("javax.servlet.error.status_code");
    int status = code instanceof Integer i ? i : response.getStatus();
    ServletProblems.write(request, response, status < 400 ? 500 : status, null);
  }
}
