package org.portpass.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MultivaluedMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.portpass.rest.RequestIds;

/**
 * Gives every request an id (kept if the client sent a sane one) and every response safe headers;
 * refuses query parameters with NUL characters, which no field takes and PostgreSQL cannot even
 * compare against, and query parameters given more than once.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsName("portpass.headers")
@JaxrsApplicationSelect("(osgi.jaxrs.name=*)")
@PreMatching
public class ResponseHeadersFilter implements ContainerRequestFilter, ContainerResponseFilter {
  public static final String REQUEST_ID = "X-Request-Id";

  @Context private HttpServletRequest servletRequest;

  @Override
  public void filter(ContainerRequestContext request) {
    String id = request.getHeaderString(REQUEST_ID);
    if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
      id = UUID.randomUUID().toString();
      request.getHeaders().putSingle(REQUEST_ID, id);
    }
    // the caller resolvers read the servlet request, which does not see the header set above
    servletRequest.setAttribute(RequestIds.ATTRIBUTE, id);
    for (Map.Entry<String, List<String>> parameter :
        request.getUriInfo().getQueryParameters().entrySet()) {
      String name = parameter.getKey().replace('\0', ' ');
      String message = queryProblem(parameter.getKey(), parameter.getValue());
      if (message != null) {
        request.abortWith(
            ProblemMapper.problem(
                400,
                "validation",
                name + ": " + message,
                List.of(Map.of("field", name, "message", message))));
        return;
      }
    }
  }

  /**
   * Why a query parameter is refused, or null. Every query parameter of the API takes one value, so
   * a repeated one ({@code type=PHOTO&type=EVIL}) is ambiguous and refused rather than one of its
   * values picked.
   */
  static String queryProblem(String name, List<String> values) {
    if (name.indexOf('\0') >= 0
        || values.stream().anyMatch(v -> v != null && v.indexOf('\0') >= 0)) {
      return "must not contain NUL characters";
    }
    if (values.size() > 1) {
      return "may be given only once";
    }
    return null;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    MultivaluedMap<String, Object> headers = response.getHeaders();
    String id = request.getHeaderString(REQUEST_ID);
    if (id != null) { // none when another pre-matching filter answered first (DatabaseGate)
      headers.putSingle(REQUEST_ID, id);
    }
    ServletProblems.SECURITY_HEADERS.forEach(
        (name, value) -> {
          if (!name.equals("Cache-Control") || !headers.containsKey(name)) {
            headers.putSingle(name, value);
          }
        });
  }
}
