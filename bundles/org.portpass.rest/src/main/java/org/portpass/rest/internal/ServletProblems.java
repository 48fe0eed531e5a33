package org.portpass.rest.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.Response;
import org.portpass.rest.ProblemTypes;
import org.portpass.rest.RequestIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * problem+json for answers made outside JAX-RS (the HTTP server's own refusals, servlet error
 * pages, filters), with the same body and the same headers as every PortPass answer.
 */
final class ServletProblems {
  private static final Logger LOG = LoggerFactory.getLogger(ServletProblems.class);

  /** The headers of every response, whoever makes it. */
  static final Map<String, String> SECURITY_HEADERS =
      Map.of(
          "X-Content-Type-Options", "nosniff",
          "X-Frame-Options", "DENY",
          "Referrer-Policy", "no-referrer",
          "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'",
          "Cross-Origin-Resource-Policy", "same-origin",
          "Cache-Control", "no-store");

  private ServletProblems() {}

  /** Sets the security headers and a request id, through whatever sets a header. */
  static void headers(BiConsumer<String, String> set, String requestId) {
    SECURITY_HEADERS.forEach(set);
    set.accept(ResponseHeadersFilter.REQUEST_ID, requestId);
  }

  /** The request's id: the one PortPass gave it, the client's when sane, else a new one. */
  static String requestId(HttpServletRequest request) {
    String id = request == null ? null : RequestIds.of(request);
    return id != null && id.matches("[A-Za-z0-9._-]{1,64}") ? id : UUID.randomUUID().toString();
  }

  /** The problem body for a status: http-NNN for a 4xx, internal (with an incident) for a 5xx. */
  static byte[] body(int status, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (status >= 500 && status != 505) { // 505: the client's HTTP version, not our failure
      String incident = UUID.randomUUID().toString();
      LOG.error("HTTP {} answered by the server, incident {}", status, incident);
      body.put("type", ProblemTypes.uri("internal"));
      detail = "an unexpected error occurred; incident " + incident;
    } else {
      body.put("type", ProblemTypes.uri("http-" + status));
    }
    Response.Status known = Response.Status.fromStatusCode(status);
    body.put("title", known == null ? "Error " + status : known.getReasonPhrase());
    body.put("status", status);
    body.put("detail", detail != null ? detail : ProblemMapper.httpMessage(status));
    try {
      return JsonProvider.MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes a whole problem answer, replacing whatever the response held. */
  static void write(
      HttpServletRequest request, HttpServletResponse response, int status, String detail)
      throws IOException {
    if (response.isCommitted()) {
      return;
    }
    response.resetBuffer();
    response.setStatus(status);
    headers(response::setHeader, requestId(request));
    byte[] body = body(status, detail);
    response.setContentType(ProblemTypes.MEDIA_TYPE);
    response.setContentLength(body.length);
    if (!"HEAD".equals(request.getMethod())) {
      response.getOutputStream().write(body);
    }
  }
}
