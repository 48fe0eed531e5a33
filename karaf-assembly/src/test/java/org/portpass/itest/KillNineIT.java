package org.portpass.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the server under a steady load of person creates, photo uploads, form submissions and
 * review decisions, then a restart on the same database ({@code -Dportpass.database}): every
 * request that was answered with success is stored, nothing half-written is visible (a submitted
 * form has its line in review, a decided line its decision), and the flow goes on.
 */
class KillNineIT {
  private static final int CLIENTS = 4;

  @TempDir Path work;

  private final Set<Long> persons = ConcurrentHashMap.newKeySet();
  private final Set<Long> forms = ConcurrentHashMap.newKeySet();
  private final Map<Long, Long> decided = new ConcurrentHashMap<>(); // line -> its form
  private final AtomicInteger unanswered = new AtomicInteger();
  private final AtomicBoolean killed = new AtomicBoolean();
  private final AtomicInteger busy = new AtomicInteger();
  private final List<String> failures =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());

  @Test
  void everyAcknowledgedWriteSurvivesAKill() throws Exception {
    String database = System.getProperty("portpass.database", "derby");
    String postgres =
        database.equals("postgresql") ? ServerRestartIT.createPostgresDatabase() : null;
    try (ServerProcess server =
        ServerProcess.unpack(Path.of(System.getProperty("portpass.assembly")), work)) {
      if (postgres != null) {
        ServerRestartIT.usePostgres(server, postgres);
      }
      server.configure("org.portpass.auth.bootstrap.cfg", "username", "first-admin");
      server.configure("org.portpass.auth.bootstrap.cfg", "password", "first-admin-password");
      // the load submits many forms today
      server.configure("org.portpass.application.cfg", "submissionsPerCompanyPerDay", "100000");
      server.start();
      Api admin = new Api(server.baseUrl()).login("first-admin", "first-admin-password");
      long company =
          admin
              .post("/companies", Samples.company(Samples.taxId(), "Power Cut Shipping"))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      admin.post("/companies/" + company + "/verify", "").expect(200);
      admin
          .post(
              "/accounts",
              Map.of(
                  "username", "kill-user",
                  "password", "kill-password-1",
                  "displayName", "Kill User",
                  "phone", "02-0000-0000",
                  "roles", List.of("COMPANY_USER"),
                  "companyId", company))
          .expect(201);
      Api clerk = admin.anonymous().login("kill-user", "kill-password-1");

      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> load = new java.util.ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        load.add(
            clients.submit(
                () -> {
                  while (running.get() && !killed.get()) {
                    oneRound(clerk, admin);
                  }
                }));
      }
      long deadline = System.currentTimeMillis() + 60_000;
      while (decided.size() < 8 && System.currentTimeMillis() < deadline) {
        Thread.sleep(100); // load until some of every kind of write is acknowledged
      }
      Thread.sleep(1_000);
      killed.set(true);
      server.kill();
      running.set(false);
      for (Future<?> f : load) {
        f.get(60, TimeUnit.SECONDS);
      }
      clients.shutdown();
      if (!failures.isEmpty()) {
        printIncidents(server.home().resolve("data/log/karaf.log"));
      }
      assertEquals(List.of(), failures, "answers before the kill");
      assertTrue(decided.size() >= 8, "the load acknowledged too little: " + decided.size());

      long restart = server.start();
      Api after = new Api(server.baseUrl()).login("first-admin", "first-admin-password");
      for (long person : persons) {
        after.get("/persons/" + person).expect(200);
      }
      for (long form : forms) {
        JsonNode stored = after.get("/forms/" + form).expect(200).json();
        assertEquals("SUBMITTED", stored.path("status").asText(), stored.toString());
        String line = stored.path("lines").path(0).path("status").asText();
        assertTrue(List.of("REVIEW", "POLICE").contains(line), stored.toString());
        if (line.equals("POLICE")) { // decided, if unacknowledged: its decision is there too
          long lineId = stored.path("lines").path(0).path("id").asLong();
          String history = after.get("/lines/" + lineId + "/history").expect(200).json().toString();
          assertTrue(history.contains("APPROVE"), history);
        }
      }
      for (Map.Entry<Long, Long> line : decided.entrySet()) {
        JsonNode history = after.get("/lines/" + line.getKey() + "/history").expect(200).json();
        assertTrue(history.toString().contains("APPROVE"), history.toString());
        JsonNode form = after.get("/forms/" + line.getValue()).expect(200).json();
        assertEquals("POLICE", form.path("lines").path(0).path("status").asText(), form.toString());
      }
      long stored =
          after.get("/persons?companyId=" + company).expect(200).json().path("total").asLong();
      System.out.println(
          "kill -9 on "
              + database
              + ": acknowledged "
              + persons.size()
              + " persons, "
              + forms.size()
              + " submissions, "
              + decided.size()
              + " decisions; "
              + unanswered.get()
              + " requests cut off unanswered, "
              + busy.get()
              + " refused before the kill as 503 (database busy); stored "
              + stored
              + " persons; restart to healthy "
              + restart
              + " ms");
      assertTrue(stored >= persons.size(), "stored " + stored + " < acknowledged");
      assertTrue(
          stored <= persons.size() + unanswered.get(),
          "stored " + stored + " persons, more than acknowledged plus cut off");

      // and the flow goes on
      Api clerkAgain = after.anonymous().login("kill-user", "kill-password-1");
      long person = createPerson(clerkAgain);
      assertTrue(person > 0);
      ServerRestartIT.submittedForm(clerkAgain, person, photo(clerkAgain, person));
    } finally {
      if (postgres != null) {
        ServerRestartIT.postgres(
            ServerRestartIT.ADMIN_DB, "DROP DATABASE IF EXISTS " + postgres + " WITH (FORCE)");
      }
    }
  }

  /** A person with a photo, a form for it submitted, its line approved at review. */
  private void oneRound(Api clerk, Api admin) {
    try {
      long person = createPerson(clerk);
      persons.add(person);
      long form = ServerRestartIT.submittedForm(clerk, person, photo(clerk, person));
      forms.add(form);
      long line =
          clerk.get("/forms/" + form).expect(200).json().path("lines").path(0).path("id").asLong();
      admin
          .post("/reviews/KEL/REVIEW/lines/" + line, Map.of("decision", "APPROVE", "revision", 0))
          .expect(200);
      decided.put(line, form);
    } catch (RuntimeException | AssertionError e) {
      if (killed.get()) {
        unanswered.incrementAndGet(); // the server died under this request, or refused it since
      } else if (String.valueOf(e.getMessage()).contains("urn:portpass:problem:unavailable")) {
        busy.incrementAndGet(); // a deadlock victim told to try again: nothing was stored
      } else {
        failures.add(String.valueOf(e.getMessage()));
      }
    }
  }

  /** The server's own account of the failures, for the test's output. */
  private static void printIncidents(Path log) throws java.io.IOException {
    List<String> lines = java.nio.file.Files.readAllLines(log);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("incident")) {
        lines.subList(i, Math.min(lines.size(), i + 60)).forEach(System.out::println);
        return;
      }
    }
  }

  private static long createPerson(Api clerk) {
    return clerk
        .post("/persons", Map.of("identityNumber", Samples.nationalId(), "nameZh", "斷電"))
        .expect(201)
        .json()
        .path("id")
        .asLong();
  }

  private static long photo(Api clerk, long person) {
    return clerk
        .send(
            java.net.http.HttpRequest.newBuilder(
                    clerk.uri("/persons/" + person + "/attachments?type=PHOTO"))
                .header("Content-Type", "image/png")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(Samples.png())))
        .expect(201)
        .json()
        .path("id")
        .asLong();
  }
}
