package org.portpass.itest;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the PortPass REST API, used by tests inside the container. */
public final class Api {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private volatile String token;

  public Api(String base) {
    this.base = base;
  }

  /** Logs in; later requests carry the token. */
  public Api login(String username, String password) {
    token = null;
    token =
        post("/auth/login", java.util.Map.of("username", username, "password", password))
            .expect(200)
            .json()
            .path("token")
            .asText();
    return this;
  }

  /** A client of the same server with no token. */
  public Api anonymous() {
    return new Api(base);
  }

  public String token() {
    return token;
  }

  public Api withToken(String bearer) {
    Api api = new Api(base);
    api.token = bearer;
    return api;
  }

  /** The API of the container this test runs in. */
  public static Api local() {
    return new Api("http://127.0.0.1:" + System.getProperty("portpass.it.port") + "/api/v1");
  }

  /** A response: status, headers and the body as JSON (or raw bytes). */
  public record Reply(int status, HttpResponse<byte[]> raw) {
    public JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + new String(raw.body()), e);
      }
    }

    public String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    public byte[] bytes() {
      return raw.body();
    }

    /** Asserts the status, showing the body when it differs. */
    public Reply expect(int expected) {
      assertEquals(
          "status of "
              + raw.request().method()
              + " "
              + raw.request().uri()
              + ": "
              + new String(raw.body()),
          expected,
          status);
      return this;
    }

    /** Asserts a problem+json answer of this status and problem code. */
    public JsonNode problem(int expected, String code) {
      expect(expected);
      assertEquals("application/problem+json", header("Content-Type"));
      JsonNode body = json();
      assertEquals(
          new String(raw.body()), "urn:portpass:problem:" + code, body.path("type").asText());
      return body;
    }
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public Reply post(String path, Object body) {
    return send(json(path, body).POST(publisher(body)));
  }

  public Reply put(String path, Object body) {
    return send(json(path, body).PUT(publisher(body)));
  }

  public Reply patch(String path, Object body) {
    return send(json(path, body).method("PATCH", publisher(body)));
  }

  public Reply delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  /** Any request, for the cases above do not cover (raw bodies, odd headers). */
  public Reply send(HttpRequest.Builder request) {
    try {
      if (token != null) {
        request.setHeader("Authorization", "Bearer " + token);
      }
      HttpResponse<byte[]> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      Exchanges.record(response);
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new AssertionError("request failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  public URI uri(String path) {
    return URI.create(base + path);
  }

  /** Waits until /health is UP (the capabilities register asynchronously after boot). */
  public void awaitHealthy() throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    int steady = 0; // the whiteboard redeploys as each resource arrives: wait for a steady answer
    while (System.currentTimeMillis() < deadline) {
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(uri("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        // the login and the card production resources arrive last: 401, not 404, means they are in
        // (probes while the server starts are not recorded: they may meet it half deployed)
        boolean up = r.statusCode() == 200 && unrecorded("/auth/me") == 401;
        up = up && unrecorded("/pass-codes/key") == 401;
        steady = up ? steady + 1 : 0;
        if (steady == 4) {
          Exchanges.document(
              http.send(
                      HttpRequest.newBuilder(uri("/openapi.json")).build(),
                      HttpResponse.BodyHandlers.ofByteArray())
                  .body());
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("PortPass did not become healthy within 120 s");
  }

  private int unrecorded(String path) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private HttpRequest.Builder json(String path, Object body) {
    return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
  }

  private static HttpRequest.BodyPublisher publisher(Object body) {
    try {
      String text = body instanceof String s ? s : JSON.writeValueAsString(body);
      return HttpRequest.BodyPublishers.ofString(text);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
