package org.portpass.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.portpass.core.ConflictException;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.PortPassException;
import org.portpass.core.TooLargeException;
import org.portpass.core.TooManyRequestsException;
import org.portpass.core.UnauthorizedException;
import org.portpass.core.ValidationException;
import org.portpass.rest.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes {@code application/problem+json} (RFC 9457) with a stable type, a human
 * message and the offending fields; unexpected ones are logged with an id and never leak a stack
 * trace.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("portpass.problems")
@JaxrsApplicationSelect("(osgi.jaxrs.name=*)")
public class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  @Override
  public Response toResponse(Throwable failure) {
    Throwable domain = domainCause(failure);
    if (domain instanceof TooManyRequestsException e && e.retryAfter() != null) {
      long seconds = Math.max(1, Duration.between(Instant.now(), e.retryAfter()).toSeconds());
      return Response.fromResponse(problem(429, e.code(), e.getMessage(), List.of()))
          .header("Retry-After", seconds)
          .build();
    }
    if (domain instanceof PortPassException e) {
      return problem(status(e), e.code(), e.getMessage(), fields(e));
    }
    if (failure instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      if (status < 500) {
        return problem(status, "http-" + status, httpMessage(status), List.of());
      }
    }
    String incident = UUID.randomUUID().toString();
    LOG.error("Unexpected failure, incident {}", incident, failure);
    return problem(
        500, "internal", "an unexpected error occurred; incident " + incident, List.of());
  }

  /** Domain errors may arrive wrapped by a transaction or the JAX-RS runtime. */
  private static Throwable domainCause(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof PortPassException) {
        return t;
      }
    }
    return failure;
  }

  private static int status(PortPassException e) {
    if (e instanceof ValidationException) {
      return 400;
    }
    if (e instanceof UnauthorizedException) {
      return 401;
    }
    if (e instanceof ForbiddenException) {
      return 403;
    }
    if (e instanceof NotFoundException) {
      return 404;
    }
    if (e instanceof ConflictException) {
      return 409;
    }
    if (e instanceof TooLargeException) {
      return 413;
    }
    if (e instanceof TooManyRequestsException) {
      return 429;
    }
    return 400;
  }

  private static List<Map<String, String>> fields(PortPassException e) {
    if (e instanceof ValidationException v) {
      return v.errors().stream()
          .map(f -> Map.of("field", f.field(), "message", f.message()))
          .toList();
    }
    if (e instanceof ConflictException c && c.field() != null) {
      return List.of(Map.of("field", c.field(), "message", c.getMessage()));
    }
    return List.of();
  }

  static String httpMessage(int status) {
    return switch (status) {
      case 400 -> "the request is malformed";
      case 404 -> "no such resource";
      case 405 -> "method not allowed on this resource";
      case 406 -> "cannot produce the requested media type";
      case 413 -> "request too large";
      case 414 -> "the URI is too long";
      case 415 -> "unsupported media type";
      case 431 -> "the request headers are too large";
      case 505 -> "HTTP version not supported; use HTTP/1.1";
      default -> "the request cannot be processed";
    };
  }

  static Response problem(
      int status, String code, String detail, List<Map<String, String>> errors) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", ProblemTypes.uri(code));
    body.put(
        "title",
        Response.Status.fromStatusCode(status) == null
            ? "Error " + status
            : Response.Status.fromStatusCode(status).getReasonPhrase());
    body.put("status", status);
    body.put("detail", detail);
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    return Response.status(status).type(ProblemTypes.MEDIA_TYPE).entity(body).build();
  }
}
