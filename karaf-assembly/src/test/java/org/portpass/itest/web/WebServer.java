package org.portpass.itest.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.portpass.itest.Api;
import org.portpass.itest.MtnetIssuer;
import org.portpass.itest.ServerProcess;

/**
 * One real PortPass server for every browser test of the JVM: the assembly started as {@code
 * bin/karaf server} on free ports with the demo feature (its accounts, companies and simulated card
 * desks), stopped when the JVM ends. Selenium cannot run inside the Karaf container, so these tests
 * drive a browser from outside, as a clerk would.
 */
final class WebServer {
  /**
   * While writing screens: -Dportpass.web.url=http://127.0.0.1:8181/ reuses a running demo server.
   */
  private static final String RUNNING = System.getProperty("portpass.web.url", "");

  private static final Pattern MAIN_MODULE = Pattern.compile("src=\"(/static/[^\"]+/main\\.js)\"");

  private static ServerProcess server;
  private static IllegalStateException failure;

  private WebServer() {}

  /** The server's root URL, e.g. {@code http://127.0.0.1:40123/}; starts it on first use. */
  static synchronized String url() {
    if (!RUNNING.isEmpty()) {
      return RUNNING.endsWith("/") ? RUNNING : RUNNING + "/";
    }
    if (failure != null) {
      throw failure; // one failed start is enough: every later test fails at once
    }
    if (server == null) {
      try {
        start();
      } catch (IllegalStateException e) {
        failure = e;
        throw e;
      }
    }
    return server.baseUrl().replace("/api/v1", "/");
  }

  /** An API client of the server, logged in as a demo account. */
  static Api api(String username) {
    return new Api(url() + "api/v1").login(username, "portpass-demo");
  }

  private static void start() {
    try {
      Path parent = Files.createTempDirectory("portpass-web-it");
      ServerProcess process =
          ServerProcess.unpack(Path.of(System.getProperty("portpass.assembly")), parent);
      process.bootFeature("portpass-demo");
      for (var setting : MtnetIssuer.configuration().entrySet()) {
        process.configure(MtnetIssuer.CONFIG, setting.getKey(), setting.getValue());
      }
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    try {
                      process.stop();
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  }));
      process.start(); // the hook above stops it even when it never becomes healthy
      server = process;
      awaitDemoAccounts();
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the server", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The demo data is loaded just after the server is healthy: wait until its accounts log in. */
  private static void awaitDemoAccounts() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest login =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + "/auth/login"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"username\":\"beta-user\",\"password\":\"portpass-demo\"}"))
            .build();
    for (int i = 0; i < 1500; i++) {
      if (http.send(login, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
        awaitApplication(http);
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the demo accounts did not appear");
  }

  /**
   * The resources the screens use are deployed: they refuse an anonymous caller with 401, where a
   * resource the JAX-RS whiteboard has not (re)deployed yet answers 404.
   */
  private static boolean apiResourcesAnswer(HttpClient http, String root)
      throws IOException, InterruptedException {
    for (String path :
        List.of("/persons", "/vehicles", "/forms", "/passes", "/reviews/KEL/REVIEW")) {
      HttpRequest get = HttpRequest.newBuilder(URI.create(root + "/api/v1" + path)).build();
      if (http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode() != 401) {
        return false;
      }
    }
    return true;
  }

  /**
   * The web application's page and its main module answer steadily (its servlet may register after
   * the API): a browser that opens it earlier meets a 404 and shows nothing.
   */
  private static void awaitApplication(HttpClient http) throws IOException, InterruptedException {
    String root = server.baseUrl().replace("/api/v1", "");
    int steady = 0;
    for (int i = 0; i < 600 && steady < 3; i++) {
      HttpResponse<String> page =
          http.send(
              HttpRequest.newBuilder(URI.create(root + "/")).build(),
              HttpResponse.BodyHandlers.ofString());
      Matcher main = MAIN_MODULE.matcher(page.body());
      boolean up =
          page.statusCode() == 200
              && main.find()
              && http.send(
                          HttpRequest.newBuilder(URI.create(root + main.group(1))).build(),
                          HttpResponse.BodyHandlers.discarding())
                      .statusCode()
                  == 200;
      up = up && apiResourcesAnswer(http, root);
      steady = up ? steady + 1 : 0;
      Thread.sleep(100);
    }
    if (steady < 3) {
      throw new IllegalStateException("the web application did not answer steadily at " + root);
    }
  }
}
