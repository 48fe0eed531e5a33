package org.portpass.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything a caller stored survives a stop and start of the real server process, on the database
 * of the run ({@code -Dportpass.database}): tokens issued before the restart still work (the token
 * signing key is the stored one), the pass-code key is the same, a card printed before the restart
 * still verifies at the gate, every kind of record reads back identically, and migrations do not
 * run again.
 */
class ServerRestartIT {
  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  @TempDir Path work;

  @Test
  void everythingStoredSurvivesARestart() throws Exception {
    String database = System.getProperty("portpass.database", "derby");
    String postgres = database.equals("postgresql") ? createPostgresDatabase() : null;
    try (ServerProcess server =
        ServerProcess.unpack(Path.of(System.getProperty("portpass.assembly")), work)) {
      if (postgres != null) {
        usePostgres(server, postgres);
      }
      server.bootFeature("portpass-device-sim");
      server.configure("org.portpass.device.sim-restart.cfg", "port", "KEL");
      server.configure("org.portpass.device.sim-restart.cfg", "desk", "restart");
      server.configure("org.portpass.carddesk-restart.cfg", "port", "KEL");
      server.configure("org.portpass.carddesk-restart.cfg", "desk", "restart");
      server.configure("org.portpass.auth.bootstrap.cfg", "username", "first-admin");
      server.configure("org.portpass.auth.bootstrap.cfg", "password", "first-admin-password");
      server.start();
      Api api = new Api(server.baseUrl()).login("first-admin", "first-admin-password");
      Map<String, JsonNode> before = new LinkedHashMap<>();

      long company =
          api.post("/companies", Samples.company(Samples.taxId(), "Restart Shipping"))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      api.post("/companies/" + company + "/verify", "").expect(200);
      long account =
          api.post(
                  "/accounts",
                  Map.of(
                      "username", "restart-user",
                      "password", "restart-password-1",
                      "displayName", "Restart User",
                      "phone", "02-0000-0000",
                      "roles", List.of("COMPANY_USER"),
                      "companyId", company))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      String identity = Samples.nationalId();
      long person =
          api.post(
                  "/persons",
                  Map.of("identityNumber", identity, "nameZh", "周杰", "companyId", company))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      long photo =
          api.send(
                  HttpRequest.newBuilder(api.uri("/persons/" + person + "/attachments?type=PHOTO"))
                      .header("Content-Type", "image/png")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.png())))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      long vehicle =
          api.post(
                  "/vehicles",
                  Map.of(
                      "plateNumber",
                      "RS-" + (1000 + person % 9000),
                      "type",
                      "TRUCK",
                      "companyId",
                      company))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      Api user = api.anonymous().login("restart-user", "restart-password-1");
      long form = submittedForm(user, person, photo);
      long line =
          user.get("/forms/" + form).expect(200).json().path("lines").path(0).path("id").asLong();
      for (String stage : List.of("REVIEW", "POLICE", "SUPERVISOR")) {
        api.post(
                "/reviews/KEL/" + stage + "/lines/" + line,
                Map.of("decision", "APPROVE", "revision", 0))
            .expect(200);
      }
      String pass = awaitQueuedPass(api);
      awaitDesk(api);
      assertEquals(
          "DONE",
          api.post("/card-desks/KEL/restart/run", "").expect(200).json().path("status").asText());
      String code = QrCodes.read(api.get("/passes/" + pass + "/card.png").expect(200).bytes());
      api.post("/passes/" + pass + "/pickup", Map.of("collectedBy", "周杰")).expect(200);
      assertTrue(verify(api, code).path("valid").asBoolean());

      before.put("company", api.get("/companies/" + company).expect(200).json());
      before.put("account", api.get("/accounts/" + account).expect(200).json());
      before.put("person", api.get("/persons/" + person).expect(200).json());
      before.put("vehicle", api.get("/vehicles/" + vehicle).expect(200).json());
      before.put(
          "photo", api.get("/persons/" + person + "/attachments/" + photo).expect(200).json());
      before.put("form", api.get("/forms/" + form).expect(200).json());
      before.put("history", api.get("/lines/" + line + "/history").expect(200).json());
      before.put("pass", api.get("/passes/" + pass).expect(200).json());
      before.put("card jobs", api.get("/passes/" + pass + "/card-jobs").expect(200).json());
      before.put("pass-code key", api.get("/pass-codes/key").expect(200).json());
      before.put(
          "audit of the person",
          api.get("/audit?entityType=PERSON&entityId=" + person).expect(200).json());
      int changesets =
          api.get("/health").expect(200).json().path("database").path("appliedChangesets").asInt();

      server.stop();
      server.start();

      // no new login: the tokens signed before the restart are still good
      assertEquals("first-admin", api.get("/auth/me").expect(200).json().path("username").asText());
      assertEquals(
          "restart-user", user.get("/auth/me").expect(200).json().path("username").asText());
      Map<String, JsonNode> after = new LinkedHashMap<>();
      after.put("company", api.get("/companies/" + company).expect(200).json());
      after.put("account", api.get("/accounts/" + account).expect(200).json());
      after.put("person", api.get("/persons/" + person).expect(200).json());
      after.put("vehicle", api.get("/vehicles/" + vehicle).expect(200).json());
      after.put(
          "photo", api.get("/persons/" + person + "/attachments/" + photo).expect(200).json());
      after.put("form", api.get("/forms/" + form).expect(200).json());
      after.put("history", api.get("/lines/" + line + "/history").expect(200).json());
      after.put("pass", api.get("/passes/" + pass).expect(200).json());
      after.put("card jobs", api.get("/passes/" + pass + "/card-jobs").expect(200).json());
      after.put("pass-code key", api.get("/pass-codes/key").expect(200).json());
      after.put(
          "audit of the person",
          api.get("/audit?entityType=PERSON&entityId=" + person).expect(200).json());
      for (String kind : before.keySet()) {
        assertEquals(before.get(kind), after.get(kind), kind + " changed across the restart");
      }
      // and found by its identity number, as before the restart
      JsonNode found =
          api.get("/persons?identityNumber=" + identity).expect(200).json().path("items").path(0);
      assertEquals(person, found.path("id").asLong());
      assertEquals("周杰", found.path("nameZh").asText());
      assertEquals(company, found.path("companyId").asLong());
      assertArrayEquals(
          Samples.png(),
          api.get("/persons/" + person + "/attachments/" + photo + "/content").expect(200).bytes());
      JsonNode gate = verify(api, code);
      assertTrue(gate.path("valid").asBoolean(), "the card printed before the restart: " + gate);
      assertEquals(pass, gate.path("passNumber").asText());
      assertEquals(
          changesets,
          api.get("/health").expect(200).json().path("database").path("appliedChangesets").asInt());
      api.anonymous().login("restart-user", "restart-password-1"); // and logging in still works
    } finally {
      if (postgres != null) {
        postgres(ADMIN_DB, "DROP DATABASE IF EXISTS " + postgres + " WITH (FORCE)");
      }
    }
  }

  /** A one-line long-term form for KEL, submitted by the company's own user. */
  static long submittedForm(Api user, long person, long photo) {
    Map<String, Object> line = new HashMap<>();
    line.put("subjectKind", "PERSON");
    line.put("subjectId", person);
    line.put("validFrom", LocalDate.now(TAIPEI).toString());
    line.put("validTo", LocalDate.now(TAIPEI).plusDays(60).toString());
    line.put("attachmentIds", List.of(photo));
    Map<String, Object> body = new HashMap<>();
    body.put("passType", "LONG_TERM");
    body.put("accessPorts", List.of("KEL"));
    body.put("pickupPort", "KEL");
    body.put("purpose", "restart test");
    body.put("lines", List.of(line));
    long form = user.post("/forms", body).expect(201).json().path("id").asLong();
    user.send(
            HttpRequest.newBuilder(user.uri("/forms/" + form + "/submit"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.noBody()))
        .expect(200);
    return form;
  }

  /** The approved line's card job is queued by an event: poll the (idempotent) queue. */
  private static String awaitQueuedPass(Api api) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      JsonNode jobs = api.get("/card-jobs?port=KEL&status=QUEUED").expect(200).json();
      if (jobs.path("items").size() > 0) {
        return jobs.path("items").path(0).path("passNumber").asText();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no card job was queued for the approved line");
  }

  /** The desk and its simulated devices come from configuration files: wait until listed. */
  private static void awaitDesk(Api api) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      if (api.get("/card-desks").expect(200).json().toString().contains("sim:KEL/restart")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("the desk KEL/restart never listed its simulated devices");
  }

  private static JsonNode verify(Api api, String code) {
    return api.post("/pass-codes/verify", Map.of("payload", code, "port", "KEL"))
        .expect(200)
        .json();
  }

  static final String ADMIN_DB = "postgres";

  static String createPostgresDatabase() throws SQLException {
    String name =
        "portpass_restart_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    postgres(ADMIN_DB, "CREATE DATABASE " + name);
    return name;
  }

  static void usePostgres(ServerProcess server, String name) throws Exception {
    String file = "org.ops4j.datasource-portpass.cfg";
    server.configure(file, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
    server.configure(file, "url", postgresUrl(name));
    server.configure(file, "user", "postgres");
    server.configure(file, "password", "");
    for (var timeout : PortPassContainer.POSTGRESQL_TIMEOUTS.entrySet()) {
      server.configure(file, timeout.getKey(), timeout.getValue());
    }
    server.bootFeature("portpass-postgresql");
  }

  private static String postgresUrl(String name) {
    return "jdbc:postgresql://"
        + System.getProperty("portpass.postgresql.host", "127.0.0.1")
        + ":"
        + System.getProperty("portpass.postgresql.port", "5432")
        + "/"
        + name;
  }

  static void postgres(String db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(postgresUrl(db), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
