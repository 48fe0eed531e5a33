package org.portpass.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.portpass.core.ConflictException;
import org.portpass.core.FieldError;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.PortPassException;
import org.portpass.core.TooLargeException;
import org.portpass.core.TooManyRequestsException;
import org.portpass.core.UnauthorizedException;
import org.portpass.core.UnavailableException;
import org.portpass.core.ValidationException;
import org.portpass.rest.Languages;
import org.portpass.rest.Messages;
import org.portpass.rest.ProblemTypes;
import org.portpass.storage.DatabaseFailures;
import org.portpass.storage.DatabaseStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes {@code application/problem+json} (RFC 9457) with a stable type, a human
 * message and the offending fields; unexpected ones are logged with an id and never leak a stack
 * trace. A failure for want of the database is a 503 with Retry-After (and opens the database's
 * circuit breaker, so the next requests are refused at once): the client may try again shortly.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsName("portpass.problems")
@JaxrsApplicationSelect("(osgi.jaxrs.name=*)")
public class ProblemMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);

  /** Seconds a client should wait before trying again while the database is out of reach. */
  static final int RETRY_AFTER_SECONDS = 1;

  /** The request being answered, for its Accept-Language (a thread-local proxy of the runtime). */
  @Context private HttpHeaders headers;

  /** Optional: the mapper answers even while the datasource is being replaced. */
  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  volatile DatabaseStatus database;

  @Override
  public Response toResponse(Throwable failure) {
    return toResponse(failure, locale());
  }

  /**
   * The problem for {@code failure} in {@code locale}'s language: English from the domain's own
   * messages; zh-TW from the message bundle, where a text without translation keeps its English
   * specifics after the problem type's general sentence. Type codes and field paths are the same in
   * every language.
   */
  Response toResponse(Throwable failure, Locale locale) {
    Problems texts = new Problems(locale);
    Throwable domain = domainCause(failure);
    if (domain instanceof TooManyRequestsException e && e.retryAfter() != null) {
      long seconds = Math.max(1, Duration.between(Instant.now(), e.retryAfter()).toSeconds());
      return Response.fromResponse(
              problem(429, e.code(), texts.detail(e), List.of(), texts.title(429)))
          .header("Retry-After", seconds)
          .build();
    }
    if (domain instanceof UnavailableException e) {
      return Response.fromResponse(
              problem(503, e.code(), texts.detail(e), List.of(), texts.title(503)))
          .header("Retry-After", e.retryAfterSeconds())
          .build();
    }
    if (domain instanceof PortPassException e) {
      int status = status(e);
      return problem(status, e.code(), texts.detail(e), fields(e, texts), texts.title(status));
    }
    if (DatabaseFailures.unavailable(failure)) {
      DatabaseStatus status = database;
      if (status != null) {
        status.unreachable(failure);
      }
      LOG.debug("Answered 503: the database is out of reach", failure);
      return unavailable(locale);
    }
    if (failure instanceof WebApplicationException web) {
      int status = web.getResponse().getStatus();
      if (status < 500) {
        return problem(
            status, "http-" + status, texts.http(status), List.of(), texts.title(status));
      }
    }
    DatabaseStatus status = database;
    if (status != null && !status.reachable()) {
      // the database is known to be out of reach: an odd failure now (OpenJPA's "closed
      // EntityManager" after the transaction manager gave up, say) is a consequence of it
      LOG.debug("Answered 503 during a database outage", failure);
      return unavailable(locale);
    }
    String incident = UUID.randomUUID().toString();
    LOG.error("Unexpected failure, incident {}", incident, failure);
    return problem(
        500,
        "internal",
        texts.or(
            "problem.internal", "an unexpected error occurred; incident " + incident, incident),
        List.of(),
        texts.title(500));
  }

  /** 503 with Retry-After: the database is out of reach, the request may be sent again shortly. */
  static Response unavailable(Locale locale) {
    Problems texts = new Problems(locale);
    return Response.fromResponse(
            problem(
                503,
                "unavailable",
                texts.or(
                    "problem.unavailable",
                    "the database cannot be reached just now; try again in a moment"),
                List.of(),
                texts.title(503)))
        .header("Retry-After", RETRY_AFTER_SECONDS)
        .build();
  }

  private Locale locale() {
    try {
      return headers == null
          ? Locale.ENGLISH
          : Languages.of(headers.getHeaderString("Accept-Language"));
    } catch (RuntimeException outsideARequest) {
      return Locale.ENGLISH;
    }
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

  private static List<Map<String, String>> fields(PortPassException e, Problems texts) {
    if (e instanceof ValidationException v) {
      return v.errors().stream()
          .map(f -> Map.of("field", f.field(), "message", texts.field(f)))
          .toList();
    }
    if (e instanceof ConflictException c && c.field() != null) {
      return List.of(Map.of("field", c.field(), "message", texts.detail(c)));
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
    return problem(status, code, detail, errors, englishTitle(status));
  }

  static Response problem(
      int status, String code, String detail, List<Map<String, String>> errors, String title) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", ProblemTypes.uri(code));
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    if (!errors.isEmpty()) {
      body.put("errors", errors);
    }
    return Response.status(status).type(ProblemTypes.MEDIA_TYPE).entity(body).build();
  }

  static String englishTitle(int status) {
    return Response.Status.fromStatusCode(status) == null
        ? "Error " + status
        : Response.Status.fromStatusCode(status).getReasonPhrase();
  }

  /** The texts of one answer in one language. */
  private record Problems(Locale locale) {
    boolean english() {
      return !"zh".equals(locale.getLanguage());
    }

    String title(int status) {
      return english() ? englishTitle(status) : or("title." + status, englishTitle(status));
    }

    String http(int status) {
      return english() ? httpMessage(status) : or("http." + status, httpMessage(status));
    }

    String detail(PortPassException e) {
      if (english()) {
        return e.getMessage();
      }
      if (e instanceof ValidationException v) {
        return v.errors().stream()
            .map(f -> f.field() + ": " + field(f))
            .collect(Collectors.joining("; "));
      }
      String specific =
          e.messageKey() == null
              ? null
              : Messages.text(locale, "detail." + e.messageKey(), nouns(e.arguments()));
      if (specific != null) {
        return specific;
      }
      String general = Messages.text(locale, "problem." + e.code());
      return general == null ? e.getMessage() : general + "（" + e.getMessage() + "）";
    }

    String field(FieldError f) {
      if (english() || f.messageKey() == null) {
        return f.message();
      }
      return or("field." + f.messageKey(), f.message(), nouns(f.arguments().toArray()));
    }

    String or(String key, String fallback, Object... arguments) {
      if (english()) {
        return fallback;
      }
      String text = Messages.text(locale, key, arguments);
      return text == null ? fallback : text;
    }

    /**
     * The error's arguments in this language: the names of things and steps ({@code noun.<name>},
     * also as the head of a value such as {@code form 7}) and the values of enums ({@code
     * enum.<Type>.<NAME>}) translated where the bundle has them; everything else as it is (lists
     * keep the codes a client sends).
     */
    private Object[] nouns(Object[] arguments) {
      for (int i = 0; i < arguments.length; i++) {
        if (arguments[i] instanceof String text) {
          arguments[i] = noun(text);
        } else if (arguments[i] instanceof Enum<?> value) {
          String name =
              Messages.text(
                  locale, "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name());
          arguments[i] = name == null ? value.name() : name;
        }
      }
      return arguments;
    }

    /** {@code text} translated as a noun, or its head translated ({@code form 7}), or as it is. */
    private String noun(String text) {
      String noun =
          Messages.text(locale, "noun." + text.strip().toLowerCase(Locale.ROOT).replace(' ', '-'));
      if (noun != null) {
        return noun;
      }
      int space = text.lastIndexOf(' ');
      if (space <= 0) {
        return text;
      }
      String head = noun(text.substring(0, space));
      return head.equals(text.substring(0, space)) ? text : head + text.substring(space);
    }
  }
}
