package org.portpass.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.portpass.core.Role;

/**
 * Application forms through the real flow: drafts, submission, review at two ports, rule bundles.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApplicationIT {
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
    Accounts.ensure(Accounts.ADMIN, Set.of(Role.ADMIN), null, Set.of());
    admin.login(Accounts.ADMIN, Accounts.PASSWORD);
    for (String port : List.of("KEL", "KHH")) {
      String p = port.toLowerCase();
      Accounts.ensure(p + "-rev", Set.of(Role.REVIEWER), null, Set.of(port));
      Accounts.ensure(p + "-pol", Set.of(Role.POLICE), null, Set.of(port));
      Accounts.ensure(p + "-sup", Set.of(Role.SUPERVISOR), null, Set.of(port));
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
    Accounts.ensure(user, Set.of(Role.COMPANY_USER), company, Set.of());
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

  /**
   * Two reviewers decide the same task at the same moment (released together by a barrier), line
   * after line: exactly one wins each time, and the database holds exactly one decision per line.
   */
  /**
   * The submission checks the README lists, each on a line of its own in one form (all reported at
   * once): the same subject twice, a deleted subject, another subject's attachment, a person
   * without a photo, a pass longer than its type allows; and a company customer service has not
   * verified yet.
   */
  @Test
  public void submissionRefusesWhatTheReadmeLists() {
    long twice = person();
    long deleted =
        companyUser
            .post("/persons", Map.of("identityNumber", Samples.nationalId(), "nameZh", "刪"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    long version =
        companyUser.get("/persons/" + deleted).expect(200).json().path("version").asLong();
    companyUser.delete("/persons/" + deleted + "?version=" + version).expect(204);
    long borrower = person();
    long noPhoto =
        companyUser
            .post("/persons", Map.of("identityNumber", Samples.nationalId(), "nameZh", "無照"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    Map<String, Object> borrowed = line("PERSON", borrower);
    borrowed.put("attachmentIds", attachmentsOf("PERSON", twice));
    Map<String, Object> tooLong = line("PERSON", person());
    tooLong.put("validTo", LocalDate.now().plusDays(1 + 366).toString());
    long form =
        draft(
            "LONG_TERM",
            List.of("KEL"),
            "KEL",
            List.of(
                line("PERSON", twice),
                line("PERSON", twice),
                unseen("PERSON", deleted),
                borrowed,
                line("PERSON", noPhoto),
                tooLong));
    Map<String, String> errors = new HashMap<>();
    submit(form, "readme-" + form)
        .problem(400, "validation")
        .path("errors")
        .forEach(
            e ->
                errors.merge(
                    e.path("field").asText(), e.path("message").asText(), (a, b) -> a + " | " + b));
    assertTrue(
        errors.toString(),
        errors.getOrDefault("lines/1/subjectId", "").contains("already on the form"));
    assertTrue(
        errors.toString(),
        errors.getOrDefault("lines/2/subjectId", "").contains("unknown or deleted"));
    assertTrue(
        errors.toString(),
        errors.getOrDefault("lines/3/attachmentIds", "").contains("is not one of"));
    assertTrue(
        errors.toString(),
        errors.getOrDefault("lines/4/attachmentIds", "").contains("tick a photo"));
    assertTrue(
        errors.toString(), errors.getOrDefault("lines/5/validTo", "").contains("lasts at most"));
    assertTrue(errors.toString(), !errors.containsKey("lines/0/subjectId"));
    assertEquals(
        "DRAFT", companyUser.get("/forms/" + form).expect(200).json().path("status").asText());

    // a subject on a submitted long-term form: a second long-term pass is refused naming the
    // first, and a temporary pass for the same port on overlapping days is refused as an overlap
    long holder = person();
    long held = draft("LONG_TERM", List.of("KEL"), "KEL", List.of(line("PERSON", holder)));
    String heldNumber =
        submit(held, "readme-held-" + held).expect(200).json().path("number").asText();
    long again = draft("LONG_TERM", List.of("KEL"), "KEL", List.of(line("PERSON", holder)));
    JsonNode second =
        submit(again, "readme-again-" + again).problem(400, "validation").path("errors");
    assertTrue(second.toString(), second.toString().contains("already holds or awaits"));
    assertTrue(second.toString(), second.toString().contains(heldNumber));
    List<Map<String, Object>> crew = temporaryLines(7, 5);
    Map<String, Object> overlapping = line("PERSON", holder);
    overlapping.put("validTo", LocalDate.now().plusDays(5).toString());
    crew.add(0, overlapping);
    long temporary = draft("TEMPORARY", List.of("KEL"), "KEL", crew);
    Map<String, String> overlaps = new HashMap<>();
    submit(temporary, "readme-overlap-" + temporary)
        .problem(400, "validation")
        .path("errors")
        .forEach(e -> overlaps.put(e.path("field").asText(), e.path("message").asText()));
    assertTrue(
        overlaps.toString(),
        overlaps.getOrDefault("lines/0/validFrom", "").contains("overlaps form " + heldNumber));
    assertEquals(overlaps.toString(), 1, overlaps.size());

    long pending =
        admin
            .post("/companies", Samples.company(Samples.taxId(), "Pending Co"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    Accounts.ensure("pending-" + pending, Set.of(Role.COMPANY_USER), pending, Set.of());
    Api unverified = admin.anonymous().login("pending-" + pending, Accounts.PASSWORD);
    long worker =
        unverified
            .post("/persons", Map.of("identityNumber", Samples.nationalId(), "nameZh", "待"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    Map<String, Object> line = unseen("PERSON", worker);
    Map<String, Object> body = new HashMap<>();
    body.put("passType", "LONG_TERM");
    body.put("accessPorts", List.of("KEL"));
    body.put("pickupPort", "KEL");
    body.put("purpose", "unverified company");
    body.put("lines", List.of(line));
    long draft = unverified.post("/forms", body).expect(201).json().path("id").asLong();
    JsonNode refused =
        unverified
            .send(
                HttpRequest.newBuilder(unverified.uri("/forms/" + draft + "/submit"))
                    .header("Idempotency-Key", "pending-" + draft)
                    .POST(HttpRequest.BodyPublishers.noBody()))
            .problem(400, "validation");
    assertTrue(refused.toString(), refused.path("errors").toString().contains("\"company\""));
  }

  @Test
  public void twoReviewersDecidingOneTaskExactlyOneWins() throws Exception {
    int rounds = 12;
    List<Map<String, Object>> lines = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      lines.add(line("PERSON", person()));
    }
    long form = draft("LONG_TERM", List.of("KEL"), "KEL", lines);
    List<Long> ids = new ArrayList<>();
    submit(form, "c-" + form)
        .expect(200)
        .json()
        .path("lines")
        .forEach(l -> ids.add(l.path("id").asLong()));
    Accounts.ensure("kel-rev-2", Set.of(Role.REVIEWER), null, Set.of("KEL"));
    List<Api> reviewers =
        List.of(reviewer("KEL", "rev"), admin.anonymous().login("kel-rev-2", Accounts.PASSWORD));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (long lineId : ids) {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Api.Reply>> answers = new ArrayList<>();
        for (Api r : reviewers) {
          answers.add(
              pool.submit(
                  () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return r.post(
                        "/reviews/KEL/REVIEW/lines/" + lineId,
                        Map.of("decision", "APPROVE", "revision", 0));
                  }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Api.Reply> f : answers) {
          Api.Reply reply = f.get(60, TimeUnit.SECONDS);
          if (reply.status() != 200) {
            reply.json(); // the loser's refusal is a problem+json 409
            assertEquals("application/problem+json", reply.header("Content-Type"));
          }
          statuses.add(reply.status());
        }
        statuses.sort(Integer::compare);
        assertEquals("line " + lineId, List.of(200, 409), statuses);
      }
    } finally {
      pool.shutdownNow();
    }
    Database db = Database.of(context);
    for (long lineId : ids) {
      assertEquals(
          "decisions stored for line " + lineId,
          1,
          db.count(
              "SELECT COUNT(*) FROM review_decision WHERE line_id = ? AND decision = 'APPROVE'",
              lineId));
      assertEquals(
          "POLICE",
          db.rows("SELECT status FROM application_line WHERE id = ?", lineId).get(0).get(0));
    }
  }

  /**
   * Kaohsiung's rule bundle is installed, reconfigured, updated in place and uninstalled while two
   * clients keep up a mixed load on the same port: registry writes, uploads, drafts, submissions
   * (whose rule checks run through the rule registry being changed) and reads. Every request of
   * that load is counted and must succeed.
   */
  @Test
  public void aPortsRuleBundleComesAndGoesAtRuntime() throws Exception {
    long vehicle = vehicle(); // no insurance attached
    // the load submits many forms today: lift the company's daily limit for this test
    org.osgi.service.cm.Configuration application =
        configurations.getConfiguration("org.portpass.application", null);
    application.update(new Hashtable<>(Map.of("submissionsPerCompanyPerDay", "100000")));
    awaitApplicationSettings(Map.of("submissionsPerCompanyPerDay", "100000"));
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger submissions = new AtomicInteger();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService background = Executors.newFixedThreadPool(2);
    List<Future<?>> traffic = new ArrayList<>();
    for (int client = 0; client < 2; client++) {
      traffic.add(
          background.submit(
              (Callable<Void>)
                  () -> {
                    while (running.get()) {
                      mixedLoad(requests, submissions, failures);
                    }
                    return null;
                  }));
    }
    try {
      assertEquals(
          200,
          submit(
                  draft("LONG_TERM", List.of("KHH"), "KHH", List.of(line("VEHICLE", vehicle))),
                  "r0-" + vehicle)
              .status());

      features.installFeature("portpass-rules-khh");
      awaitKhhRules(3, null);
      long uninsured = vehicle();
      long refused = draft("LONG_TERM", List.of("KHH"), "KHH", List.of(line("VEHICLE", uninsured)));
      String message =
          submit(refused, "w-" + refused).problem(400, "validation").path("errors").toString();
      assertTrue(message, message.contains("KHH: ") && message.toLowerCase().contains("insurance"));
      // the port's rule explains itself in the clerk's language too
      String chinese =
          companyUser
              .send(
                  HttpRequest.newBuilder(companyUser.uri("/forms/" + refused + "/submit"))
                      .header("Idempotency-Key", "wz-" + refused)
                      .header("Accept-Language", "zh-TW")
                      .POST(HttpRequest.BodyPublishers.noBody()))
              .problem(400, "validation")
              .path("errors")
              .toString();
      assertTrue(chinese, chinese.contains("KHH：") && chinese.contains("高雄港要求車輛保險"));
      long atKeelung =
          draft("LONG_TERM", List.of("KEL"), "KEL", List.of(line("VEHICLE", uninsured)));
      submit(atKeelung, "kel-" + atKeelung).expect(200); // other ports are not affected

      Dictionary<String, Object> limits = new Hashtable<>();
      limits.put("maxTemporaryDays", "3");
      configurations.getConfiguration("org.portpass.rules.khh", null).update(limits);
      awaitKhhRules(3, "3");
      long persons = draft("TEMPORARY", List.of("KHH"), "KHH", temporaryLines(8, 5));
      JsonNode tooLong = submit(persons, "t-" + persons).problem(400, "validation");
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
      long before = newestKhhRule();
      for (Bundle b : context.getBundles()) {
        if (b.getSymbolicName().equals("org.portpass.rules.khh")) {
          b.update();
        }
      }
      awaitKhhRules(3, null);
      assertTrue("the rules were registered again", newestKhhRule() > before);
      long afterUpdate =
          draft("LONG_TERM", List.of("KHH"), "KHH", List.of(line("VEHICLE", vehicle())));
      String again =
          submit(afterUpdate, "w-" + afterUpdate)
              .problem(400, "validation")
              .path("errors")
              .toString();
      assertTrue(again, again.toLowerCase().contains("insurance"));

      features.uninstallFeature("portpass-rules-khh");
      awaitKhhRules(0, null);
      long later = draft("LONG_TERM", List.of("KHH"), "KHH", List.of(line("VEHICLE", vehicle())));
      submit(later, "u-" + later).expect(200);
      assertEquals(
          "SUBMITTED",
          companyUser.get("/forms/" + later).expect(200).json().path("status").asText());
    } finally {
      running.set(false);
      for (Future<?> f : traffic) {
        f.get(120, TimeUnit.SECONDS);
      }
      background.shutdown();
      configurations.getConfiguration("org.portpass.rules.khh", null).delete();
      application.delete();
    }
    assertEquals(List.of(), failures);
    assertTrue("submissions under load: " + submissions.get(), submissions.get() >= 4);
    System.out.println(
        "rule bundle under load: "
            + requests.get()
            + " requests, "
            + submissions
            + " submitted, "
            + BUSY_RETRIES.get()
            + " sent again after a 503 database-busy");
  }

  /**
   * One round of a company's everyday work at KHH, each request counted; any answer but the
   * expected one is a failure. A person with a photo passes every KHH rule, so the submission must
   * succeed whether Kaohsiung's rules are installed or not.
   */
  /**
   * Every implementation bundle is updated in place (bundle:update) under a mixed load of creates,
   * uploads, drafts, submissions and reads: the REST resources stay registered, so no request is
   * answered 404 or 500 meanwhile. A request that meets a service in the middle of its swap may be
   * refused as a 503 with Retry-After (nothing changed; the client sends it again); the test prints
   * how many were.
   */
  @Test
  public void everyImplementationBundleIsUpdatedUnderLoadWithoutALostRequest() throws Exception {
    org.osgi.service.cm.Configuration application =
        configurations.getConfiguration("org.portpass.application", null);
    application.update(new Hashtable<>(Map.of("submissionsPerCompanyPerDay", "100000")));
    awaitApplicationSettings(Map.of("submissionsPerCompanyPerDay", "100000"));
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger requests = new AtomicInteger();
    AtomicInteger submissions = new AtomicInteger();
    List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    ExecutorService background = Executors.newFixedThreadPool(2);
    List<Future<?>> traffic = new ArrayList<>();
    for (int client = 0; client < 2; client++) {
      traffic.add(
          background.submit(
              (Callable<Void>)
                  () -> {
                    while (running.get()) {
                      mixedLoad(requests, submissions, failures);
                      counted(requests, failures, 200, companyUser.get("/auth/me"));
                    }
                    return null;
                  }));
    }
    List<String> updated = new ArrayList<>();
    try {
      for (String name :
          List.of(
              "org.portpass.registry.impl",
              "org.portpass.application.impl",
              "org.portpass.auth.impl",
              "org.portpass.card.impl",
              "org.portpass.audit")) {
        int before = submissions.get();
        Bundle bundle =
            java.util.Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals(name))
                .findFirst()
                .orElseThrow();
        bundle.update();
        assertEquals(name, Bundle.ACTIVE, bundle.getState());
        long deadline = System.currentTimeMillis() + 60_000;
        while (submissions.get() < before + 2 && System.currentTimeMillis() < deadline) {
          Thread.sleep(100); // the load goes on through the new bundle
        }
        assertTrue(name + ": no submission after the update", submissions.get() >= before + 2);
        updated.add(name);
      }
    } finally {
      running.set(false);
      for (Future<?> f : traffic) {
        f.get(120, TimeUnit.SECONDS);
      }
      background.shutdown();
      application.delete();
    }
    List<String> retried =
        failures.stream()
            .filter(f -> f.contains(" answered 503 (Retry-After ") && f.contains("unavailable"))
            .toList();
    List<String> lost = failures.stream().filter(f -> !retried.contains(f)).toList();
    System.out.println(
        "implementation bundles updated under load ("
            + String.join(", ", updated)
            + "): "
            + requests.get()
            + " requests, "
            + submissions.get()
            + " submitted, "
            + retried.size()
            + " refused as 503 with Retry-After, "
            + lost.size()
            + " lost");
    assertEquals(List.of(), lost);
  }

  private void mixedLoad(AtomicInteger requests, AtomicInteger submissions, List<String> failures) {
    Api.Reply created =
        counted(
            requests,
            failures,
            201,
            companyUser.post(
                "/persons", Map.of("identityNumber", Samples.nationalId(), "nameZh", "負載")));
    if (created == null) {
      return;
    }
    long person = created.json().path("id").asLong();
    if (counted(
            requests,
            failures,
            201,
            companyUser.send(
                HttpRequest.newBuilder(
                        companyUser.uri("/persons/" + person + "/attachments?type=PHOTO"))
                    .header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.png()))))
        == null) {
      return;
    }
    Map<String, Object> line = new HashMap<>();
    line.put("subjectKind", "PERSON");
    line.put("subjectId", person);
    line.put("validFrom", LocalDate.now().plusDays(1).toString());
    line.put("validTo", LocalDate.now().plusDays(60).toString());
    line.put("attachmentIds", attachmentsOf("PERSON", person));
    requests.incrementAndGet(); // the attachment listing above
    Map<String, Object> form = new HashMap<>();
    form.put("passType", "LONG_TERM");
    form.put("accessPorts", List.of("KHH"));
    form.put("pickupPort", "KHH");
    form.put("purpose", "traffic during a rule bundle change");
    form.put("lines", List.of(line));
    Api.Reply draft = counted(requests, failures, 201, companyUser.post("/forms", form));
    if (draft == null) {
      return;
    }
    long id = draft.json().path("id").asLong();
    if (counted(requests, failures, 200, submit(id, "load-" + id)) != null) {
      submissions.incrementAndGet();
    }
    counted(requests, failures, 200, companyUser.get("/forms/" + id));
    counted(requests, failures, 200, companyUser.get("/forms?size=5"));
  }

  /** Requests of the mixed loads sent again after a 503 database-busy, as its answer asks. */
  private static final AtomicInteger BUSY_RETRIES = new AtomicInteger();

  private static Api.Reply counted(
      AtomicInteger requests, List<String> failures, int expected, Api.Reply first) {
    requests.incrementAndGet();
    Api.Reply reply = againIfBusy(first);
    if (reply.status() == expected) {
      return reply;
    }
    failures.add(
        reply.raw().request().method()
            + " "
            + reply.raw().request().uri().getPath()
            + " answered "
            + reply.status()
            + (reply.status() == 503 ? " (Retry-After " + reply.header("Retry-After") + ")" : "")
            + ": "
            + new String(reply.bytes()));
    return null;
  }

  /**
   * A deadlock victim's 503 (Derby chose this transaction; nothing of it was stored) says "try
   * again after Retry-After": a client does so once. Any other answer, and a second busy one,
   * stands. A bundle swap's 503 is not retried: the swap must not lose the request.
   */
  private static Api.Reply againIfBusy(Api.Reply reply) {
    if (reply.status() != 503 || !new String(reply.bytes()).contains("database is busy")) {
      return reply;
    }
    BUSY_RETRIES.incrementAndGet();
    try {
      Thread.sleep(1000L * Long.parseLong(reply.header("Retry-After")));
      HttpRequest again =
          HttpRequest.newBuilder(reply.raw().request(), (name, value) -> true).build();
      HttpResponse<byte[]> answer =
          HttpClient.newHttpClient().send(again, HttpResponse.BodyHandlers.ofByteArray());
      return new Api.Reply(answer.statusCode(), answer);
    } catch (IOException | InterruptedException | RuntimeException e) {
      return reply;
    }
  }

  /**
   * Waits until exactly {@code count} KHH review rules are registered (the registry binds them as
   * they register) and, if {@code maxTemporaryDays} is given, the length rule carries that setting.
   * Reads the service registry only.
   */
  private void awaitKhhRules(int count, String maxTemporaryDays) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      ServiceReference<?>[] rules = khhRules();
      int found = rules == null ? 0 : rules.length;
      boolean configured =
          maxTemporaryDays == null
              || (rules != null
                  && java.util.Arrays.stream(rules)
                      .anyMatch(
                          r ->
                              maxTemporaryDays.equals(
                                  String.valueOf(r.getProperty("maxTemporaryDays")))));
      if (found == count && configured) {
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(
            found
                + " KHH rules registered, "
                + count
                + " expected (maxTemporaryDays "
                + maxTemporaryDays
                + ")");
      }
      Thread.sleep(100);
    }
  }

  private long newestKhhRule() throws Exception {
    long newest = 0;
    for (ServiceReference<?> r : khhRules()) {
      newest = Math.max(newest, (Long) r.getProperty("service.id"));
    }
    return newest;
  }

  private ServiceReference<?>[] khhRules() throws Exception {
    return context.getServiceReferences("org.portpass.application.ReviewRule", "(port=KHH)");
  }

  /** Waits until the application service runs with these settings (DS publishes them). */
  private void awaitApplicationSettings(Map<String, String> settings) throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      ServiceReference<?> ref =
          context.getServiceReference("org.portpass.application.ApplicationService");
      boolean applied =
          ref != null
              && settings.entrySet().stream()
                  .allMatch(e -> e.getValue().equals(String.valueOf(ref.getProperty(e.getKey()))));
      if (applied) {
        return;
      }
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("the application service never took the settings " + settings);
      }
      Thread.sleep(100);
    }
  }

  /**
   * A 429 says which limit, when it frees up, and a Retry-After (seconds) that matches that moment.
   */
  /**
   * The 429 names {@code limit}, says it frees up at {@code freesUp} (within a few seconds: the
   * server's clock read it), and its Retry-After counts the seconds until then.
   */
  private static void assertLimit(Api.Reply reply, String limit, java.time.Instant freesUp) {
    JsonNode problem = reply.problem(429, "too-many-requests");
    String detail = problem.path("detail").asText();
    assertTrue(detail, detail.contains(limit));
    java.util.regex.Matcher at =
        java.util.regex.Pattern.compile("frees up at (\\S+?)\\.?$").matcher(detail);
    assertTrue(detail, at.find());
    java.time.Instant said = java.time.Instant.parse(at.group(1));
    assertTrue(
        detail + " (expected " + freesUp + ")",
        Math.abs(java.time.Duration.between(freesUp, said).toSeconds()) <= 5);
    long expected = java.time.Duration.between(java.time.Instant.now(), said).toSeconds();
    String retryAfter = reply.header("Retry-After");
    assertTrue("Retry-After: " + retryAfter, retryAfter != null && retryAfter.matches("\\d+"));
    assertTrue(
        "Retry-After " + retryAfter + " s for a limit that frees up in " + expected + " s",
        Math.abs(Long.parseLong(retryAfter) - expected) <= 5);
  }

  @Test
  public void frequencyLimitsNameTheLimitAndWhenItFreesUp() throws Exception {
    Dictionary<String, Object> settings = new Hashtable<>();
    settings.put("KEL.temporaryPassesPerPersonPer30Days", "1");
    settings.put("submissionsPerCompanyPerDay", "3");
    org.osgi.service.cm.Configuration cfg =
        configurations.getConfiguration("org.portpass.application", null);
    cfg.update(settings);
    try {
      awaitApplicationSettings(
          Map.of("KEL.temporaryPassesPerPersonPer30Days", "1", "submissionsPerCompanyPerDay", "3"));
      List<Map<String, Object>> crew = temporaryLines(8, 5);
      long first = draft("TEMPORARY", List.of("KEL"), "KEL", crew);
      java.time.Instant firstSent = java.time.Instant.now();
      submit(first, "f1-" + first).expect(200);
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> line : crew) {
        Map<String, Object> later = new HashMap<>(line);
        later.put("validFrom", LocalDate.now().plusDays(20).toString());
        later.put("validTo", LocalDate.now().plusDays(22).toString());
        next.add(later);
      }
      long second = draft("TEMPORARY", List.of("KEL"), "KEL", next);
      // a person's temporary passes free up 30 days after the first of them was sent
      assertLimit(
          submit(second, "f2-" + second),
          "KEL.temporaryPassesPerPersonPer30Days (1)",
          firstSent.plus(java.time.Duration.ofDays(30)));
      assertEquals(
          "DRAFT", companyUser.get("/forms/" + second).expect(200).json().path("status").asText());

      // the company's daily limit: two more forms today, then the fourth is refused
      for (int i = 0; i < 2; i++) {
        long form = draft("LONG_TERM", List.of("KEL"), "KEL", List.of(line("PERSON", person())));
        submit(form, "d-" + form).expect(200);
      }
      long fourth = draft("LONG_TERM", List.of("KEL"), "KEL", List.of(line("PERSON", person())));
      // the company's forms free up at the ports' next midnight
      assertLimit(
          submit(fourth, "d-" + fourth),
          "submissionsPerCompanyPerDay (3)",
          LocalDate.now(java.time.ZoneId.of("Asia/Taipei"))
              .plusDays(1)
              .atStartOfDay(java.time.ZoneId.of("Asia/Taipei"))
              .toInstant());
      assertEquals(
          "DRAFT", companyUser.get("/forms/" + fourth).expect(200).json().path("status").asText());
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
