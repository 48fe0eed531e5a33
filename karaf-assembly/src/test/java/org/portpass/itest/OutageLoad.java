package org.portpass.itest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A steady load of person creates from a few clients, plus a client asking {@code /health} ten
 * times a second, each answer kept with when it was sent and answered (milliseconds since the load
 * began). A client waits a tenth of a second after a failed create, as a client honouring a short
 * back-off would, so an outage answered in microseconds does not turn into a busy loop.
 */
final class OutageLoad {
  /** One answer; status -1 when the client got none within its timeout. */
  record Answer(
      long sent,
      long answered,
      int status,
      String contentType,
      String retryAfter,
      String body,
      String identity) {
    long millis() {
      return answered - sent;
    }
  }

  private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(15);

  private final String base;
  private final String token;
  private final long company;
  private final long begin = System.nanoTime();
  private final List<Answer> creates = Collections.synchronizedList(new ArrayList<>());
  private final List<Answer> health = Collections.synchronizedList(new ArrayList<>());
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  OutageLoad(String base, String token, long company) {
    this.base = base;
    this.token = token;
    this.company = company;
  }

  long now() {
    return (System.nanoTime() - begin) / 1_000_000;
  }

  void start(int clients) {
    for (int i = 0; i < clients; i++) {
      threads.add(new Thread(this::createPersons, "outage-client-" + i));
    }
    threads.add(new Thread(this::watchHealth, "outage-health"));
    threads.forEach(Thread::start);
  }

  void stop() throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.join(CLIENT_TIMEOUT.toMillis() + 5_000);
    }
  }

  List<Answer> creates() {
    synchronized (creates) {
      return List.copyOf(creates);
    }
  }

  List<Answer> health() {
    synchronized (health) {
      return List.copyOf(health);
    }
  }

  private void createPersons() {
    HttpClient http = client();
    while (running) {
      String identity = Samples.nationalId();
      String body =
          "{\"identityNumber\":\""
              + identity
              + "\",\"nameZh\":\"斷線測試\",\"companyId\":"
              + company
              + "}";
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(base + "/persons"))
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .timeout(CLIENT_TIMEOUT)
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
      Answer answer = send(http, request, identity);
      creates.add(answer);
      if (answer.status() != 201) {
        pause(100);
      }
    }
  }

  private void watchHealth() {
    HttpClient http = client();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + "/health")).timeout(CLIENT_TIMEOUT).build();
    while (running) {
      health.add(send(http, request, null));
      pause(100);
    }
  }

  private Answer send(HttpClient http, HttpRequest request, String identity) {
    long sent = now();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() >= 300) {
        Exchanges.record(response); // every problem is checked against the API's contract
      }
      return new Answer(
          sent,
          now(),
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("Retry-After").orElse(null),
          new String(response.body(), StandardCharsets.UTF_8),
          identity);
    } catch (IOException e) {
      return new Answer(sent, now(), -1, null, null, e.toString(), identity);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(sent, now(), -1, null, null, e.toString(), identity);
    }
  }

  private static HttpClient client() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
