package org.portpass.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A separate card desk node, as the README describes it: a second copy of the distribution that
 * boots the desk's features (portpass-carddesk-remote and a device driver) instead of the server,
 * signs in to the server with its own account, takes the port's jobs over the server's REST API and
 * makes the cards on its own devices. Two real {@code bin/karaf server} processes; the database is
 * not what this test is about, so it runs in the Derby pass only.
 */
class DeskNodeIT {
  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  @TempDir Path work;

  @Test
  void aDeskNodeWithoutTheServerMakesTheServersCards() throws Exception {
    Assumptions.assumeTrue(
        "derby".equals(System.getProperty("portpass.database", "derby")),
        "the desk node test runs in the Derby pass only");
    Path zip = Path.of(System.getProperty("portpass.assembly"));
    try (ServerProcess server = ServerProcess.unpack(zip, work.resolve("server"));
        ServerProcess node = ServerProcess.unpack(zip, work.resolve("node"))) {
      server.configure("org.portpass.auth.bootstrap.cfg", "username", "first-admin");
      server.configure("org.portpass.auth.bootstrap.cfg", "password", "first-admin-password");
      server.start();
      Api api = new Api(server.baseUrl()).login("first-admin", "first-admin-password");
      long company =
          api.post("/companies", Samples.company(Samples.taxId(), "Node Shipping"))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      api.post("/companies/" + company + "/verify", "").expect(200);
      api.post(
              "/accounts",
              Map.of(
                  "username", "node-clerk",
                  "password", "node-clerk-password-1",
                  "displayName", "Node Clerk",
                  "phone", "02-0000-0000",
                  "roles", List.of("COMPANY_USER"),
                  "companyId", company))
          .expect(201);
      api.post(
              "/accounts",
              Map.of(
                  "username", "kel-node",
                  "password", "kel-node-password-1",
                  "displayName", "Keelung desk node",
                  "phone", "02-0000-0001",
                  "roles", List.of("CARD_DESK"),
                  "ports", List.of("KEL")))
          .expect(201);
      String pass = approvedPass(api, api.anonymous().login("node-clerk", "node-clerk-password-1"));

      // the node: the same distribution, booting the desk instead of the server
      node.replaceBootFeature("portpass-server", "portpass-carddesk-remote, portpass-device-sim");
      node.configure("org.portpass.carddesk.remote.cfg", "serverUrl", server.baseUrl());
      node.configure("org.portpass.carddesk.remote.cfg", "username", "kel-node");
      node.configure("org.portpass.carddesk.remote.cfg", "password", "kel-node-password-1");
      node.configure("org.portpass.device.sim-node.cfg", "port", "KEL");
      node.configure("org.portpass.device.sim-node.cfg", "desk", "node-1");
      node.configure("org.portpass.carddesk-node.cfg", "port", "KEL");
      node.configure("org.portpass.carddesk-node.cfg", "desk", "node-1");
      node.configure("org.portpass.carddesk-node.cfg", "autoRun", "true");
      node.configure("org.portpass.carddesk-node.cfg", "pollSeconds", "1");
      node.launch();

      JsonNode job = awaitDone(api, node, pass);
      List<String> steps = new ArrayList<>();
      List<String> desks = new ArrayList<>();
      job.path("attempts")
          .forEach(
              a -> {
                steps.add(a.path("step").asText() + " " + a.path("outcome").asText());
                desks.add(a.path("desk").asText());
              });
      assertEquals(List.of("PRINT OK", "VERIFY OK", "ENCODE OK"), steps, job.toString());
      assertEquals(List.of("node-1", "node-1", "node-1"), desks, job.toString());
      assertEquals("LIVE", job.path("cards").path(0).path("status").asText(), job.toString());
      // the server itself runs no desk: the card was made on the node
      assertEquals(0, api.get("/card-desks").expect(200).json().size());
      String code = QrCodes.read(api.get("/passes/" + pass + "/card.png").expect(200).bytes());
      api.post("/passes/" + pass + "/pickup", Map.of("collectedBy", "林節點")).expect(200);
      JsonNode gate =
          api.post("/pass-codes/verify", Map.of("payload", code, "port", "KEL")).expect(200).json();
      assertTrue(gate.path("valid").asBoolean(), gate.toString());
    }
  }

  /** A person's one-line long-term form for KEL, submitted and approved: answers its pass. */
  private static String approvedPass(Api admin, Api clerk) throws InterruptedException {
    long person =
        clerk
            .post("/persons", Map.of("identityNumber", Samples.nationalId(), "nameZh", "林節點"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    long photo =
        clerk
            .send(
                HttpRequest.newBuilder(clerk.uri("/persons/" + person + "/attachments?type=PHOTO"))
                    .header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.png())))
            .expect(201)
            .json()
            .path("id")
            .asLong();
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
    body.put("purpose", "desk node test");
    body.put("lines", List.of(line));
    long form = clerk.post("/forms", body).expect(201).json().path("id").asLong();
    long lineId =
        clerk
            .send(
                HttpRequest.newBuilder(clerk.uri("/forms/" + form + "/submit"))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.noBody()))
            .expect(200)
            .json()
            .path("lines")
            .path(0)
            .path("id")
            .asLong();
    for (String stage : List.of("REVIEW", "POLICE", "SUPERVISOR")) {
      admin
          .post(
              "/reviews/KEL/" + stage + "/lines/" + lineId,
              Map.of("decision", "APPROVE", "revision", 0))
          .expect(200);
    }
    // the approved line's card job is queued by an event: poll the (idempotent) queue
    for (int i = 0; i < 150; i++) {
      JsonNode jobs = admin.get("/card-jobs?port=KEL&status=QUEUED").expect(200).json();
      if (jobs.path("items").size() > 0) {
        return jobs.path("items").path(0).path("passNumber").asText();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no card job was queued for the approved line");
  }

  /**
   * Reads the pass's card jobs on the server (an idempotent read) until its job is DONE; the node
   * boots, signs in and polls on its own. Fails at once if the node's process ends.
   */
  private static JsonNode awaitDone(Api api, ServerProcess node, String pass)
      throws InterruptedException {
    long deadline =
        System.currentTimeMillis() + Integer.getInteger("portpass.healthSeconds", 180) * 1000L;
    JsonNode jobs = null;
    while (System.currentTimeMillis() < deadline) {
      if (!node.isAlive()) {
        throw new AssertionError("the desk node exited: see " + node.home().resolve("console.log"));
      }
      jobs = api.get("/passes/" + pass + "/card-jobs").expect(200).json();
      for (JsonNode job : jobs.has("items") ? jobs.path("items") : jobs) {
        if (job.path("status").asText().equals("DONE")) {
          return job;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "the desk node made no card for "
            + pass
            + " (its log: "
            + node.home().resolve("data/log/karaf.log")
            + "); the pass's jobs: "
            + jobs);
  }
}
