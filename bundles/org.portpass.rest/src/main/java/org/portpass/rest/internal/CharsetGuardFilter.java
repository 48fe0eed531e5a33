package org.portpass.rest.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
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
 * Refuses a request body in a character set the JVM does not know, before the JAX-RS runtime fails
 * on it with a servlet error page: the client gets a 415 problem like any other.
 */
@Component(
    service = Filter.class,
    property = {
      "osgi.http.whiteboard.filter.pattern=/*",
      "osgi.http.whiteboard.filter.name=portpass-charset-guard",
      "osgi.http.whiteboard.context.select=(osgi.http.whiteboard.context.name=context.for.default)"
    })
public class CharsetGuardFilter implements Filter {
  @Override
  public void init(FilterConfig config) {}

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String charset = request.getCharacterEncoding();
    if (charset != null && !supported(charset)) {
      ServletProblems.write(
          (HttpServletRequest) request,
          (HttpServletResponse) response,
          415,
          "send the body in UTF-8");
      return;
    }
    chain.doFilter(request, response);
  }

  @Override
  public void destroy() {}

  private static boolean supported(String charset) {
    try {
      return Charset.isSupported(charset.strip().replace("\"", ""));
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }
}
