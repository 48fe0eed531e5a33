package org.portpass.rest.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.UUID;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.portpass.rest.ProblemTypes;

/**
 * Jetty's answers to requests it refuses before any context runs (a bad header byte, a raw space,
 * NUL or an ambiguous {@code %2F} in the path, over-long URIs or headers, TRACE): problem+json with
 * the security headers and a request id, like every other answer. Installed by {@link
 * ServerErrorHandlerInstaller}.
 */
final class ServerErrorHandler extends ErrorHandler {
  /** A body for every method, not only GET, POST and HEAD as Jetty's default. */
  @Override
  public boolean errorPageForMethod(String method) {
    return true;
  }

  /** A request that could not even be parsed: the answer is made from status and fields alone. */
  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields fields) {
    ServletProblems.headers(fields::put, UUID.randomUUID().toString());
    fields.put(HttpHeader.CONTENT_TYPE, ProblemTypes.MEDIA_TYPE);
    return ByteBuffer.wrap(ServletProblems.body(status, null));
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    ServletProblems.write(request, response, response.getStatus(), null);
    baseRequest.setHandled(true);
  }
}
