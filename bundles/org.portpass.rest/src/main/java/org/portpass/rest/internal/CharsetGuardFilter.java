package org.portpass.rest.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletResponse;
import org.osgi.service.component.annotations.Component;
import org.portpass.rest.ProblemTypes;

/**
 * Refuses a request body in a character set the JVM does not know, before the JAX-RS runtime fails
 * on it with a servlet error page: the client gets a 415 problem like any other.
 */
@Component(
    service = Filter.class,
    property = {
      "osgi.http.whiteboard.filter.pattern=/*",
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
      HttpServletResponse http = (HttpServletResponse) response;
      http.setStatus(415);
      http.setContentType(ProblemTypes.MEDIA_TYPE);
      http.setHeader("X-Content-Type-Options", "nosniff");
      http.getOutputStream()
          .write(
              ("{\"type\":\""
                      + ProblemTypes.uri("http-415")
                      + "\",\"title\":\"Unsupported Media Type\","
                      + "\"status\":415,\"detail\":\"send the body in UTF-8\"}")
                  .getBytes(StandardCharsets.UTF_8));
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
