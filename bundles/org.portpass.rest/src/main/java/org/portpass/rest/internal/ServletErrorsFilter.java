package org.portpass.rest.internal;

import java.io.IOException;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;
import org.osgi.service.component.annotations.Component;

/**
 * Every error a servlet or the container sends with sendError is a problem, whatever the method.
 * Every PortPass filter has a name of its own: unnamed ones are all "javax.servlet.Filter", and
 * pax-web skips the second of two same-named filters in a context.
 */
@Component(
    service = Filter.class,
    property = {
      "osgi.http.whiteboard.filter.pattern=/*",
      "osgi.http.whiteboard.filter.name=portpass-servlet-errors",
      "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=*)"
    })
public class ServletErrorsFilter implements Filter {
  @Override
  public void init(FilterConfig config) {}

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(
        request, new ProblemErrors((HttpServletRequest) request, (HttpServletResponse) response));
  }

  /**
   * A container's sendError (a path no servlet serves) becomes a problem here for every method:
   * Jetty gives error pages to GET, POST and HEAD only, and answers PUT, PATCH or DELETE with an
   * empty body.
   */
  private static final class ProblemErrors extends HttpServletResponseWrapper {
    private final HttpServletRequest request;

    ProblemErrors(HttpServletRequest request, HttpServletResponse response) {
      super(response);
      this.request = request;
    }

    @Override
    public void sendError(int status) throws IOException {
      ServletProblems.write(request, (HttpServletResponse) getResponse(), status, null);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      sendError(status);
    }
  }

  @Override
  public void destroy() {}
}
