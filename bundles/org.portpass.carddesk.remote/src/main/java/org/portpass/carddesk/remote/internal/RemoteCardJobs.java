package org.portpass.carddesk.remote.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.portpass.card.CardJob;
import org.portpass.card.CardJobs;
import org.portpass.card.StepOrder;
import org.portpass.card.StepReport;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.UnauthorizedException;
import org.portpass.core.ValidationException;

/**
 * The server's card jobs as seen from a card desk node: the same {@link CardJobs} the desk runner
 * uses in the server, over the server's REST API, signed in with the desk's own CARD_DESK account.
 * The server's answers come back as the same domain errors, so the desk behaves alike in both
 * places. The {@code caller} argument is ignored: the account is who the server sees.
 */
@Component(
    configurationPid = RemoteCardJobs.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    // a server node's own card jobs win unless a desk asks for these with jobs.target=(remote=true)
    property = {"remote=true", "service.ranking:Integer=-1"})
@Designate(ocd = RemoteCardJobs.Config.class)
public class RemoteCardJobs implements CardJobs {
  static final String PID = "org.portpass.carddesk.remote";

  @ObjectClassDefinition(
      name = "PortPass card desk node: server connection",
      description = "Where the desk node takes its card jobs from")
  public @interface Config {
    @AttributeDefinition(
        description = "The server's API base, e.g. https://portpass.example/api/v1")
    String serverUrl();

    @AttributeDefinition(description = "The desk's account (CARD_DESK role for its port)")
    String username();

    @AttributeDefinition(type = AttributeType.PASSWORD, description = "The account's password")
    String password();

    @AttributeDefinition(description = "Seconds to wait for the server")
    int timeoutSeconds() default 30;
  }

  private final ObjectMapper json =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final HttpClient http;
  private final Config config;
  private final String base;
  private volatile String token;

  @Activate
  public RemoteCardJobs(Config config) {
    this.config = config;
    this.base = config.serverUrl().replaceAll("/+$", "");
    this.http =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(config.timeoutSeconds())).build();
  }

  @Override
  public List<CardJob> next(Caller caller, String port, String desk, int max) {
    String query = "?port=" + encode(port) + "&desk=" + encode(desk) + "&max=" + Math.max(1, max);
    return read(call("GET", "/card-jobs/next" + query, null), new TypeReference<>() {});
  }

  @Override
  public StepOrder begin(Caller caller, long jobId, String desk) {
    return read(
        call("POST", "/card-jobs/" + jobId + "/steps", Map.of("desk", desk)),
        new TypeReference<>() {});
  }

  @Override
  public CardJob report(Caller caller, long jobId, long attemptId, StepReport report) {
    return read(
        call("PUT", "/card-jobs/" + jobId + "/steps/" + attemptId, report),
        new TypeReference<>() {});
  }

  /** One request; signs in first, and again once when the token has expired. */
  private HttpResponse<byte[]> call(String method, String path, Object body) {
    if (token == null) {
      token = login();
    }
    HttpResponse<byte[]> response = send(method, path, body, token);
    if (response.statusCode() == 401) {
      token = login();
      response = send(method, path, body, token);
    }
    if (response.statusCode() >= 300) {
      throw problem(response);
    }
    return response;
  }

  private String login() {
    HttpResponse<byte[]> response =
        send(
            "POST",
            "/auth/login",
            Map.of("username", config.username(), "password", config.password()),
            null);
    if (response.statusCode() != 200) {
      throw problem(response);
    }
    return tree(response).path("token").asText();
  }

  private HttpResponse<byte[]> send(String method, String path, Object body, String bearer) {
    try {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(Duration.ofSeconds(config.timeoutSeconds()))
              .header("Accept", "application/json")
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
      if (body != null) {
        request.header("Content-Type", "application/json");
      }
      if (bearer != null) {
        request.header("Authorization", "Bearer " + bearer);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException("the PortPass server at " + base + " did not answer", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the server", e);
    }
  }

  /** The server's problem+json answer as the domain error it stands for. */
  private RuntimeException problem(HttpResponse<byte[]> response) {
    JsonNode body = tree(response);
    String type = body.path("type").asText("");
    String code = type.substring(type.lastIndexOf(':') + 1);
    String detail = body.path("detail").asText("the server answered " + response.statusCode());
    // untranslated (the lines below): the server's own answer, already in the desk's language
    return switch (response.statusCode()) {
      case 400 -> new ValidationException(code, detail); // untranslated: the server's answer
      case 401 -> new UnauthorizedException(detail); // untranslated: the server's answer
      case 403 -> new ForbiddenException(detail); // untranslated: the server's answer
      case 404 -> new NotFoundException("resource", detail);
      case 409 -> new ConflictException(code, null, detail); // untranslated: the server's answer
      default ->
          new IllegalStateException("the server answered " + response.statusCode() + ": " + detail);
    };
  }

  private JsonNode tree(HttpResponse<byte[]> response) {
    try {
      return json.readTree(response.body());
    } catch (IOException e) {
      return json.createObjectNode();
    }
  }

  private <T> T read(HttpResponse<byte[]> response, TypeReference<T> type) {
    try {
      return json.readValue(response.body(), type);
    } catch (IOException e) {
      throw new IllegalStateException("the server's answer could not be read", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
  }
}
