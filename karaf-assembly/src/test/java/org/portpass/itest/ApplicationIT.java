package org.portpass.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.inject.Inject;
import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.portpass.auth.AccountService;
import org.portpass.core.Role;

/**
 * Application forms through the real flow: drafts, submission, review at two ports, rule bundles.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApplicationIT {
  @Inject AccountService accounts;
  @Inject FeaturesService features;
  @Inject ConfigurationAdmin configurations;
  @Inject BundleContext context;

  private final Api admin = Api.local();
  private long company;
  private Api companyUser;

  @Configuration
  public Option[] config() {
    return PortPassContainer.options();
  }

  @Before
  public void setUp() throws Exception {
    admin.awaitHealthy();
    Accounts.ensure(accounts, Accounts.ADMIN, Set.of(Role.ADMIN), null, Set.of());
    admin.login(Accounts.ADMIN, Accounts.PASSWORD);
    for (String port : List.of("KEL", "KHH")) {
      String p = port.toLowerCase();
      Accounts.ensure(accounts, p + "-rev", Set.of(Role.REVIEWER), null, Set.of(port));
      Accounts.ensure(accounts, p + "-pol", Set.of(Role.POLICE), null, Set.of(port));
      Accounts.ensure(accounts, p + "-sup", Set.of(Role.SUPERVISOR), null, Set.of(port));
    }
    company =
        admin
            .post("/companies", Samples.company(Samples.taxId(), "Flow Co"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    admin.post("/companies/" + company + "/verify", "").expect(200);
    String user = "flow-" + company;
    Accounts.ensure(accounts, user, Set.of(Role.COMPANY_USER), company, Set.of());
    companyUser = admin.anonymous().login(user, Accounts.PASSWORD);
  }

  @Test
  public void linesOfATwoPortFormLiveTheirOwnLives() {
    long p1 = person();
    long p2 = person();
    long v1 = vehicle();
    long form =
        draft(
            "LONG_TERM",
            List.of("KEL", "KHH"),
            "KEL",
            List.of(line("PERSON", p1), line("PERSON", p2), line("VEHICLE", v1)));
    String key = UUID.randomUUID().toString();
    JsonNode submitted = submit(form, key).expect(200).json();
    String number = submitted.path("number").asText();
    assertTrue(number.startsWith("AF"));
    assertEquals(number, submit(form, key).expect(200).json().path("number").asText()); // retried
    submit(form, "another-key").problem(409, "already-submitted");
    List<Long> lines = new ArrayList<>();
    submitted.path("lines").forEach(l -> lines.add(l.path("id").asLong()));
    submitted.path("lines").forEach(l -> assertEquals("REVIEW", l.path("status").asText()));

    for (String port : List.of("KEL", "KHH")) {
      Api reviewer = reviewer(port, "rev");
      JsonNode queue = reviewer.get("/reviews/" + port + "/REVIEW?size=500").expect(200).json();
      assertTrue(queue.toString().contains(number));
      JsonNode results =
          reviewer
              .post("/reviews/" + port + "/REVIEW/decisions", bulk("APPROVE", null, lines))
              .expect(200)
              .json();
      results.forEach(r -> assertTrue(r.toString(), r.path("errorCode").isNull()));
    }
    JsonNode atPolice = companyUser.get("/forms/" + form).expect(200).json();
    atPolice.path("lines").forEach(l -> assertEquals("POLICE", l.path("status").asText()));

    JsonNode returned =
        reviewer("KHH", "pol")
            .post(
                "/reviews/KHH/POLICE/lines/" + lines.get(1),
                Map.of(
                    "decision", "REJECT", "reason", "criminal record check pending", "revision", 0))
            .expect(200)
            .json();
    assertEquals("RETURNED", returned.path("status").asText());
    assertEquals("criminal record check pending", returned.path("lastReason").asText());
    reviewer("KEL", "pol")
        .post(
            "/reviews/KEL/POLICE/lines/" + lines.get(1),
            Map.of("decision", "APPROVE", "revision", 0))
        .problem(409, "illegal-transition");
    reviewer("KHH", "pol")
        .post(
            "/reviews/KHH/POLICE/lines/" + lines.get(0),
            Map.of("decision", "REJECT", "reason", " ", "revision", 0))
        .problem(400, "validation");

    List<Long> others = List.of(lines.get(0), lines.get(2));
    for (String stage : List.of("POLICE", "SUPERVISOR")) {
      for (String port : List.of("KEL", "KHH")) {
        reviewer(port, stage.equals("POLICE") ? "pol" : "sup")
            .post("/reviews/" + port + "/" + stage + "/decisions", bulk("APPROVE", null, others))
            .expect(200);
      }
    }
    JsonNode after = companyUser.get("/forms/" + form).expect(200).json();
    assertEquals("PRODUCTION", after.path("lines").path(0).path("status").asText());
    assertEquals("RETURNED", after.path("lines").path(1).path("status").asText());
    assertEquals("PRODUCTION", after.path("lines").path(2).path("status").asText());
    companyUser.post("/lines/" + lines.get(0) + "/cancel", "").problem(409, "illegal-transition");

    JsonNode again =
        companyUser
            .post("/lines/" + lines.get(1) + "/resubmit", line("PERSON", p2))
            .expect(200)
            .json();
    assertEquals("REVIEW", again.path("status").asText());
    assertEquals(1, again.path("revision").asInt());
    reviewer("KEL", "rev")
        .post(
            "/reviews/KEL/REVIEW/lines/" + lines.get(1),
            Map.of("decision", "APPROVE", "revision", 0))
        .problem(409, "resubmitted");
    assertEquals(
        "CANCELLED",
        companyUser
            .post("/lines/" + lines.get(1) + "/cancel", "")
            .expect(200)
            .json()
            .path("status")
            .asText());
    companyUser.post("/lines/" + lines.get(1) + "/cancel", "").problem(409, "illegal-transition");

    List<String> steps = new ArrayList<>();
    companyUser
        .get("/lines/" + lines.get(1) + "/history")
        .expect(200)
        .json()
        .forEach(d -> steps.add(d.path("decision").asText()));
    assertEquals(List.of("SUBMIT", "APPROVE", "APPROVE", "REJECT", "RESUBMIT", "CANCEL"), steps);
    admin.delete("/persons/" + p1 + "?version=1").problem(409, "in-use");
  }

  @Test
  public void draftsWithLinesCanBeChangedAndDeleted() {
    long first = person();
    long second = person();
    long form = draft("LONG_TERM", List.of("KEL"), "KEL", List.of(line("PERSON", first)));
    long version = companyUser.get("/forms/" + form).expect(200).json().path("version").asLong();
    Map<String, Object> body = new HashMap<>();
    body.put("passType", "LONG_TERM");
    body.put("accessPorts", List.of("KEL", "KHH"));
    body.put("pickupPort", "KHH");
    body.put("lines", List.of(line("PERSON", second), line("PERSON", first)));
    JsonNode changed =
        companyUser.put("/forms/" + form + "?version=" + version, body).expect(200).json();
    assertEquals(2, changed.path("lines").size());
    assertEquals(second, changed.path("lines").path(0).path("subjectId").asLong());
    companyUser.put("/forms/" + form + "?version=" + version, body).problem(409, "stale-version");
    long now = changed.path("version").asLong();
    companyUser.delete("/forms/" + form + "?version=" + now).expect(204);
    companyUser.get("/forms/" + form).problem(404, "not-found");
  }

  @Test
  public void submissionReportsEveryProblemAtOnce() {
    long other =
        admin
            .post("/companies", Samples.company(Samples.taxId(), "Someone Else"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    long foreign =
        admin
            .post(
                "/persons",
                Map.of("identityNumber", Samples.nationalId(), "nameZh", "外", "companyId", other))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    long mine = person();
    Map<String, Object> backwards = line("PERSON", mine);
    backwards.put("validFrom", LocalDate.now().plusDays(10).toString());
    backwards.put("validTo", LocalDate.now().plusDays(5).toString());
    long form =
        draft(
            "LONG_TERM",
            List.of("KEL"),
            "KHH",
            List.of(backwards, unseen("PERSON", foreign), unseen("PERSON", 999999999L)));
    JsonNode problem = submit(form, "k-" + form).problem(400, "validation");
    String fields = problem.path("errors").toString();
    assertTrue(fields, fields.contains("pickupPort"));
    assertTrue(fields, fields.contains("lines/0/validTo"));
    assertTrue(fields, fields.contains("lines/1/subjectId"));
    assertTrue(fields, fields.contains("lines/2/subjectId"));
    assertEquals(
        "DRAFT", companyUser.get("/forms/" + form).expect(200).json().path("status").asText());

    long temporary = draft("TEMPORARY", List.of("KEL"), "KEL", List.of(line("PERSON", mine)));
    assertTrue(
        submit(temporary, "t-" + temporary)
            .problem(400, "validation")
            .path("errors")
            .toString()
            .contains("at least 8"));

    long first = draft("LONG_TERM", List.of("KEL"), "KEL", List.of(line("PERSON", mine)));
    submit(first, "l1-" + first).expect(200);
    long second = draft("LONG_TERM", List.of("KHH"), "KHH", List.of(line("PERSON", mine)));
    assertTrue(
        submit(second, "l2-" + second)
            .problem(400, "validation")
            .path("errors")
            .toString()
            .contains("long-term pass"));
  }

  @Test
  public void twoReviewersDecidingOneTaskExactlyOneWins() throws Exception {
    long form = draft("LONG_TERM", List.of("KEL"), "KEL", List.of(line("PERSON", person())));
    long lineId =
        submit(form, "c-" + form).expect(200).json().path("lines").path(0).path("id").asLong();
    Accounts.ensure(accounts, "kel-rev-2", Set.of(Role.REVIEWER), null, Set.of("KEL"));
    List<Api> reviewers =
        List.of(reviewer("KEL", "rev"), admin.anonymous().login("kel-rev-2", Accounts.PASSWORD));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<Integer>> answers = new ArrayList<>();
    for (Api r : reviewers) {
      answers.add(
          pool.submit(
              () ->
                  r.post(
                          "/reviews/KEL/REVIEW/lines/" + lineId,
                          Map.of("decision", "APPROVE", "revision", 0))
                      .status()));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : answers) {
      statuses.add(f.get());
    }
    pool.shutdown();
    statuses.sort(Integer::compare);
    assertEquals(List.of(200, 409), statuses);
    assertEquals(1, companyUser.get("/lines/" + lineId + "/history").expect(200).json().size() - 1);
  }

  @Test
  public void aPortsRuleBundleComesAndGoesAtRuntime() throws Exception {
    long vehicle = vehicle(); // no insurance attached
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger served = new AtomicInteger();
    List<String> failures = new ArrayList<>();
    ExecutorService background = Executors.newSingleThreadExecutor();
    Future<?> traffic =
        background.submit(
            (Callable<Void>)
                () -> {
                  while (running.get()) {
                    int status = companyUser.get("/forms?size=5").status();
                    served.incrementAndGet();
                    if (status != 200) {
                      synchronized (failures) {
                        failures.add("GET /forms answered " + status);
                      }
                    }
                  }
                  return null;
                });
    try {
      assertEquals(
          200,
          submit(
                  draft("LONG_TERM", List.of("KHH"), "KHH", List.of(line("VEHICLE", vehicle))),
                  "r0-" + vehicle)
              .status());

      features.installFeature("portpass-rules-khh");
      long uninsured = vehicle();
      long refused = draft("LONG_TERM", List.of("KHH"), "KHH", List.of(line("VEHICLE", uninsured)));
      String message = awaitProblem(refused).path("errors").toString();
      assertTrue(message, message.contains("KHH: ") && message.toLowerCase().contains("insurance"));
      long atKeelung =
          draft("LONG_TERM", List.of("KEL"), "KEL", List.of(line("VEHICLE", uninsured)));
      submit(atKeelung, "kel-" + atKeelung).expect(200); // other ports are not affected

      Dictionary<String, Object> limits = new Hashtable<>();
      limits.put("maxTemporaryDays", "3");
      configurations.getConfiguration("org.portpass.rules.khh", null).update(limits);
      long persons = draft("TEMPORARY", List.of("KHH"), "KHH", temporaryLines(8, 5));
      JsonNode tooLong = awaitProblem(persons);
      assertTrue(tooLong.toString(), tooLong.toString().contains("at most 3 days"));

      // a rule that speaks at a stage: Kaohsiung's supervisors see a reminder on long passes
      Map<String, Object> yearLong = line("PERSON", person());
      yearLong.put("validTo", LocalDate.now().plusDays(200).toString());
      long longForm = draft("LONG_TERM", List.of("KHH"), "KHH", List.of(yearLong));
      long longLine =
          submit(longForm, "long-" + longForm)
              .expect(200)
              .json()
              .path("lines")
              .path(0)
              .path("id")
              .asLong();
      for (String stage : List.of("REVIEW", "POLICE")) {
        admin
            .post(
                "/reviews/KHH/" + stage + "/lines/" + longLine,
                Map.of("decision", "APPROVE", "revision", 0))
            .expect(200);
      }
      JsonNode task = null;
      for (JsonNode t :
          admin.get("/reviews/KHH/SUPERVISOR?size=500").expect(200).json().path("items")) {
        if (t.path("lineId").asLong() == longLine) {
          task = t;
        }
      }
      assertTrue("the line waits for the KHH supervisor", task != null);
      assertTrue(
          task.toString(), task.path("findings").toString().contains("khh.long-pass-confirmation"));
      assertTrue(task.toString(), task.path("attachments").toString().contains("PHOTO"));
      assertTrue(task.toString(), task.path("subjectSnapshot").asText().length() > 0);
      List<String> decided = new ArrayList<>();
      task.path("history").forEach(d -> decided.add(d.path("decision").asText()));
      assertEquals(List.of("SUBMIT", "APPROVE", "APPROVE"), decided);

      // updating the rule bundle in place (bundle:update) keeps Kaohsiung's rules on
      for (Bundle b : context.getBundles()) {
        if (b.getSymbolicName().equals("org.portpass.rules.khh")) {
          b.update();
        }
      }
      long afterUpdate =
          draft("LONG_TERM", List.of("KHH"), "KHH", List.of(line("VEHICLE", vehicle())));
      String again = awaitProblem(afterUpdate).path("errors").toString();
      assertTrue(again, again.toLowerCase().contains("insurance"));

      features.uninstallFeature("portpass-rules-khh");
      long later = draft("LONG_TERM", List.of("KHH"), "KHH", List.of(line("VEHICLE", vehicle())));
      for (int i = 0; i < 50 && submit(later, "u-" + later).status() != 200; i++) {
        Thread.sleep(100);
      }
      assertEquals(
          "SUBMITTED",
          companyUser.get("/forms/" + later).expect(200).json().path("status").asText());
    } finally {
      running.set(false);
      traffic.get();
      background.shutdown();
      configurations.getConfiguration("org.portpass.rules.khh", null).delete();
    }
    assertTrue(served.get() > 0);
    assertEquals(List.of(), failures);
  }

  @Test
  public void frequencyLimitsNameTheLimitAndWhenItFreesUp() throws Exception {
    Dictionary<String, Object> settings = new Hashtable<>();
    settings.put("KEL.temporaryPassesPerPersonPer30Days", "1");
    org.osgi.service.cm.Configuration cfg =
        configurations.getConfiguration("org.portpass.application", null);
    cfg.update(settings);
    try {
      List<Map<String, Object>> crew = temporaryLines(8, 5);
      long first = draft("TEMPORARY", List.of("KEL"), "KEL", crew);
      submit(first, "f1-" + first).expect(200);
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> line : crew) {
        Map<String, Object> later = new HashMap<>(line);
        later.put("validFrom", LocalDate.now().plusDays(20).toString());
        later.put("validTo", LocalDate.now().plusDays(22).toString());
        next.add(later);
      }
      long second = draft("TEMPORARY", List.of("KEL"), "KEL", next);
      JsonNode limited = awaitLimit(second);
      assertTrue(
          limited.toString(),
          limited.path("detail").asText().contains("KEL.temporaryPassesPerPersonPer30Days (1)"));
      assertTrue(limited.path("detail").asText().contains("frees up at"));
    } finally {
      cfg.delete();
    }
  }

  @Test
  public void aFiveHundredLineTemporaryFormIsSubmittedAndReviewed() {
    List<Map<String, Object>> lines = temporaryLines(500, 10);
    long form = draft("TEMPORARY", List.of("KEL"), "KEL", lines);
    JsonNode submitted = submit(form, "big-" + form).expect(200).json();
    assertEquals(500, submitted.path("lines").size());
    List<Long> ids = new ArrayList<>();
    submitted.path("lines").forEach(l -> ids.add(l.path("id").asLong()));
    JsonNode queue = reviewer("KEL", "rev").get("/reviews/KEL/REVIEW?size=500").expect(200).json();
    assertTrue(queue.path("total").asInt() >= 500);
    JsonNode results =
        reviewer("KEL", "rev")
            .post("/reviews/KEL/REVIEW/decisions", bulk("APPROVE", null, ids))
            .expect(200)
            .json();
    assertEquals(500, results.size());
    results.forEach(r -> assertTrue(r.toString(), r.path("errorCode").isNull()));
    JsonNode summary = companyUser.get("/forms?size=1").expect(200).json().path("items").path(0);
    assertEquals(500, summary.path("lineCounts").path("POLICE").asInt());
  }

  private JsonNode awaitProblem(long form) throws InterruptedException {
    for (int i = 0; i < 50; i++) { // the rule service appears moments after the feature installs
      Api.Reply reply = submit(form, "w-" + form + "-" + i);
      if (reply.status() == 400) {
        return reply.problem(400, "validation");
      }
      if (reply.status() == 200) {
        throw new AssertionError("submitted although the rule should refuse it: " + reply.json());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no answer");
  }

  private JsonNode awaitLimit(long form) throws InterruptedException {
    for (int i = 0; i < 50; i++) { // configuration changes arrive asynchronously
      Api.Reply reply = submit(form, "l-" + form + "-" + i);
      if (reply.status() == 429) {
        return reply.problem(429, "too-many-requests");
      }
      assertTrue(reply.toString(), reply.status() == 200 || reply.status() == 429);
      Thread.sleep(100);
    }
    throw new AssertionError("the limit never applied");
  }

  private Api reviewer(String port, String role) {
    return admin.anonymous().login(port.toLowerCase() + "-" + role, Accounts.PASSWORD);
  }

  private Api.Reply submit(long form, String key) {
    return companyUser.send(
        HttpRequest.newBuilder(companyUser.uri("/forms/" + form + "/submit"))
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private long draft(
      String type, List<String> ports, String pickup, List<Map<String, Object>> lines) {
    Map<String, Object> form = new HashMap<>();
    form.put("passType", type);
    form.put("accessPorts", ports);
    form.put("pickupPort", pickup);
    form.put("purpose", "integration test");
    form.put("lines", lines);
    return companyUser.post("/forms", form).expect(201).json().path("id").asLong();
  }

  private Map<String, Object> line(String kind, long subject) {
    Map<String, Object> line = new HashMap<>();
    line.put("subjectKind", kind);
    line.put("subjectId", subject);
    line.put("validFrom", LocalDate.now().plusDays(1).toString());
    line.put("validTo", LocalDate.now().plusDays(60).toString());
    line.put("attachmentIds", attachmentsOf(kind, subject));
    return line;
  }

  /** A line for a subject this company cannot see (another company's, or none at all). */
  private static Map<String, Object> unseen(String kind, long subject) {
    Map<String, Object> line = new HashMap<>();
    line.put("subjectKind", kind);
    line.put("subjectId", subject);
    line.put("validFrom", LocalDate.now().plusDays(1).toString());
    line.put("validTo", LocalDate.now().plusDays(60).toString());
    line.put("attachmentIds", List.of());
    return line;
  }

  private List<Map<String, Object>> temporaryLines(int count, int days) {
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Map<String, Object> line = line("PERSON", person());
      line.put("validTo", LocalDate.now().plusDays(days).toString());
      lines.add(line);
    }
    return lines;
  }

  private List<Long> attachmentsOf(String kind, long subject) {
    List<Long> ids = new ArrayList<>();
    companyUser
        .get(
            "/" + (kind.equals("PERSON") ? "persons" : "vehicles") + "/" + subject + "/attachments")
        .expect(200)
        .json()
        .forEach(a -> ids.add(a.path("id").asLong()));
    return ids;
  }

  private long person() {
    long id =
        companyUser
            .post("/persons", Map.of("identityNumber", Samples.nationalId(), "nameZh", "工人"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    upload("/persons/" + id + "/attachments?type=PHOTO", "image/png", Samples.png());
    return id;
  }

  private long vehicle() {
    String plate =
        "T"
            + (char) ('A' + (int) (Math.random() * 26))
            + "-"
            + String.format("%04d", (int) (Math.random() * 10000));
    long id =
        companyUser
            .post("/vehicles", Map.of("plateNumber", plate, "type", "TRUCK"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    return id;
  }

  private void upload(String path, String type, byte[] bytes) {
    companyUser
        .send(
            HttpRequest.newBuilder(companyUser.uri(path))
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)))
        .expect(201);
  }

  private static Map<String, Object> bulk(String decision, String reason, List<Long> lines) {
    Map<String, Object> body = new HashMap<>();
    body.put("decision", decision);
    body.put("reason", reason);
    List<Map<String, Object>> refs = new ArrayList<>();
    for (Long id : lines) {
      refs.add(Map.of("lineId", id, "revision", 0));
    }
    body.put("lines", refs);
    return body;
  }
}
