package org.portpass.itest.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.portpass.itest.Api;
import org.portpass.itest.Samples;

/**
 * Lines for the staff screens' tests, made through the API by company A's clerk so that each test
 * has its own lines and never changes the demo's: persons with a photo and Keelung's training
 * certificate, submitted on one long-term form for Keelung.
 */
final class StaffData {
  static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  /** A submitted line: its id and the subject label the queue shows. */
  record Line(long id, String name, String identityNumber) {}

  private StaffData() {}

  /** Submits a Keelung form with one line per name; the names should be unique to the test. */
  static List<Line> submitPersons(String... names) {
    Api clerk = WebServer.api("alpha-user");
    List<Map<String, Object>> lines = new ArrayList<>();
    List<String[]> people = new ArrayList<>();
    for (String name : names) {
      String number = Samples.nationalId();
      long person =
          clerk
              .post("/persons", Map.of("identityNumber", number, "nameZh", name))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      upload(clerk, person, "PHOTO", "image/png", Samples.png(), null);
      upload(
          clerk,
          person,
          "TRAINING_CERTIFICATE",
          "application/pdf",
          Samples.pdf(),
          LocalDate.now(TAIPEI).plusYears(2));
      List<Long> attachments = new ArrayList<>();
      clerk
          .get("/persons/" + person + "/attachments")
          .expect(200)
          .json()
          .forEach(a -> attachments.add(a.path("id").asLong()));
      Map<String, Object> line = new HashMap<>();
      line.put("subjectKind", "PERSON");
      line.put("subjectId", person);
      line.put("validFrom", LocalDate.now(TAIPEI).plusDays(1).toString());
      line.put("validTo", LocalDate.now(TAIPEI).plusDays(90).toString());
      line.put("attachmentIds", attachments);
      lines.add(line);
      people.add(new String[] {name, number});
    }
    Map<String, Object> form = new HashMap<>();
    form.put("passType", "LONG_TERM");
    form.put("accessPorts", List.of("KEL"));
    form.put("pickupPort", "KEL");
    form.put("purpose", "staff screens test");
    form.put("lines", lines);
    long id = clerk.post("/forms", form).expect(201).json().path("id").asLong();
    JsonNode submitted =
        clerk
            .send(
                HttpRequest.newBuilder(clerk.uri("/forms/" + id + "/submit"))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.noBody()))
            .expect(200)
            .json();
    List<Line> result = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      JsonNode line = submitted.path("lines").path(i);
      result.add(new Line(line.path("id").asLong(), people.get(i)[0], people.get(i)[1]));
    }
    return result;
  }

  /** Approves a line at every stage of Keelung (as the administrator). */
  static void approveEverywhere(long lineId) {
    Api admin = WebServer.api("admin");
    for (String stage : List.of("REVIEW", "POLICE", "SUPERVISOR")) {
      admin
          .post(
              "/reviews/KEL/" + stage + "/lines/" + lineId,
              Map.of("decision", "APPROVE", "revision", 0))
          .expect(200);
    }
  }

  /** The pass number of an approved line, once card production has queued its job. */
  static String awaitPass(long lineId) throws InterruptedException {
    Api admin = WebServer.api("admin");
    Instant end = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(end)) {
      for (JsonNode job :
          admin.get("/card-jobs?port=KEL&size=500").expect(200).json().path("items")) {
        String pass = job.path("passNumber").asText();
        if (admin.get("/passes/" + pass).expect(200).json().path("lineId").asLong() == lineId) {
          return pass;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no card job for line " + lineId);
  }

  /** The pass number of the Keelung card job whose pass names the subject. */
  static String awaitPassOfSubject(String name) throws InterruptedException {
    Api admin = WebServer.api("admin");
    Instant end = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(end)) {
      for (JsonNode job :
          admin.get("/card-jobs?port=KEL&size=500").expect(200).json().path("items")) {
        String pass = job.path("passNumber").asText();
        if (admin
            .get("/passes/" + pass)
            .expect(200)
            .json()
            .path("subjectLabel")
            .asText()
            .contains(name)) {
          return pass;
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no card job for " + name);
  }

  private static void upload(
      Api clerk, long person, String type, String mime, byte[] bytes, LocalDate validUntil) {
    String query = "?type=" + type + (validUntil == null ? "" : "&validUntil=" + validUntil);
    clerk
        .send(
            HttpRequest.newBuilder(clerk.uri("/persons/" + person + "/attachments" + query))
                .header("Content-Type", mime)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)))
        .expect(201);
  }
}
