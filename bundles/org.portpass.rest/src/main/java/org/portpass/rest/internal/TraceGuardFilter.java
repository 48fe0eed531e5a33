package org.portpass.rest.internal;

import java.io.IOException;
import java.util.Set;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;

/**
 * TRACE (which would echo the request, credentials included), TRACK and CONNECT are no methods of
 * the API: a 405 problem for every path, before any servlet could answer them its own way.
 */
@Component(
    service = Filter.class,
    property = {
      "osgi.http.whiteboard.filter.pattern=/*",
      "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=*)"
    })
public class TraceGuardFilter implements Filter {
  private static final Set<String> REFUSED = Set.of("TRACE", "TRACK", "CONNECT");

  @Override
  public void init(FilterConfig config) {}

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (REFUSED.contains(http.getMethod())) {
      HttpServletResponse answer = (HttpServletResponse) response;
      answer.setHeader("Allow", "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
      ServletProblems.write(http, answer, 405, null);
      return;
    }
    chain.doFilter(request, response);
  }

  @Override
  public void destroy() {}
}
