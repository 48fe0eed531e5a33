package org.portpass.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.ConfigurationAdmin;
import org.portpass.core.Role;

/**
 * What the web application reads before and after submitting: the ports and their requirements, the
 * passes of a company (with their cards) and the pass number and card status on each line.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PortsAndPassesIT {
  // the server's services may take minutes to come up on a loaded machine
  @Inject
  @Filter(timeout = 300_000)
  FeaturesService features;

  @Inject
  @Filter(timeout = 300_000)
  ConfigurationAdmin configurations;

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  private final Api admin = Api.local();

  @Configuration
  public Option[] config() {
    return PortPassContainer.options();
  }

  @Before
  public void setUp() throws Exception {
    admin.awaitHealthy();
    Accounts.ensure(Accounts.ADMIN, Set.of(Role.ADMIN), null, Set.of());
    admin.login(Accounts.ADMIN, Accounts.PASSWORD);
    for (String feature :
        List.of("portpass-device-sim", "portpass-rules-kel", "portpass-rules-khh")) {
      if (!features.isInstalled(features.getFeature(feature))) {
        // without a refresh: refreshing would rewire this test's own probe bundle
        features.installFeature(feature, EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
      }
    }
  }

  @Test
  public void portsAndTheirRequirementsInTheCallersLanguage() throws Exception {
    admin.anonymous().get("/ports").problem(401, "unauthorized");
    Api company = company("Ports Co");
    JsonNode ports = company.get("/ports").expect(200).json();
    List<String> codes = new ArrayList<>();
    ports.forEach(p -> codes.add(p.path("code").asText()));
    assertEquals(List.of("ANP", "BUD", "HUN", "KEL", "KHH", "MZG", "SUO", "TPE", "TXG"), codes);
    JsonNode kel = ports.get(codes.indexOf("KEL"));
    assertEquals("基隆港", kel.path("name").path("zh-TW").asText());
    assertEquals("Port of Keelung", kel.path("name").path("en").asText());
    assertTrue(kel.path("desks").isArray());

    // a desk running on the server is a pickup desk of its port
    runner("SUO", "ports-it");
    await(
        () -> {
          JsonNode suo = company.get("/ports").expect(200).json().get(codes.indexOf("SUO"));
          assertEquals(suo.toString(), "ports-it", suo.path("desks").path(0).asText());
          return suo;
        });

    JsonNode khh =
        await(
            () -> {
              JsonNode r = company.get("/ports/khh/requirements").expect(200).json();
              assertEquals(r.toString(), 1, r.path("attachments").size());
              return r;
            });
    assertEquals("KHH", khh.path("port").asText());
    assertEquals(30, khh.path("maxDays").path("TEMPORARY").asInt()); // the rule's, tighter than 90
    assertEquals(366, khh.path("maxDays").path("LONG_TERM").asInt());
    JsonNode insurance = khh.path("attachments").path(0);
    assertEquals("khh.vehicle-insurance", insurance.path("rule").asText());
    assertEquals("VEHICLE", insurance.path("subjectKind").asText());
    assertTrue(insurance.path("passType").isNull());
    assertEquals("INSURANCE", insurance.path("attachmentType").asText());
    assertTrue(
        insurance.path("text").asText(), insurance.path("text").asText().startsWith("Vehicles"));
    List<String> limits = new ArrayList<>();
    khh.path("limits").forEach(l -> limits.add(l.path("id").asText()));
    assertEquals(
        List.of("submissions-per-company-per-day", "temporary-passes-per-person-per-30-days"),
        limits);
    assertEquals(50, khh.path("limits").path(0).path("max").asInt());
    assertEquals(
        "A company may submit at most 50 forms per day",
        khh.path("limits").path(0).path("text").asText());

    JsonNode kelZh =
        await(
            () -> {
              JsonNode r =
                  company
                      .send(
                          HttpRequest.newBuilder(company.uri("/ports/KEL/requirements"))
                              .header("Accept-Language", "zh-TW,zh;q=0.9,en;q=0.5"))
                      .expect(200)
                      .json();
              assertEquals(r.toString(), 1, r.path("attachments").size());
              return r;
            });
    JsonNode training = kelZh.path("attachments").path(0);
    assertEquals("kel.training-certificate", training.path("rule").asText());
    assertEquals("PERSON", training.path("subjectKind").asText());
    assertEquals("TRAINING_CERTIFICATE", training.path("attachmentType").asText());
    assertTrue(training.path("text").asText(), training.path("text").asText().contains("訓練證明"));
    assertEquals("每家業者每日最多送審 50 份申請單", kelZh.path("limits").path(0).path("text").asText());
    assertEquals(90, kelZh.path("maxDays").path("TEMPORARY").asInt());

    // a port without rule bundles has the settings only
    JsonNode tpe = company.get("/ports/TPE/requirements").expect(200).json();
    assertEquals(0, tpe.path("attachments").size());
    company.get("/ports/XYZ/requirements").problem(404, "not-found");
  }

  @Test
  public void aCompanyFindsItsPassesAndEachLineShowsItsPassAndCard() throws Exception {
    Api alpha = company("Alpha Passes");
    Api beta = company("Beta Passes");
    Api desk = staff("anp-desk-it", Role.CARD_DESK, "ANP");
    station("ANP", "it-1");
    runner("ANP", "it-1");
    long[] formAndLine = approvedLine(alpha, "ANP", List.of("ANP", "BUD"));
    long form = formAndLine[0];
    long line = formAndLine[1];

    JsonNode approved = lineOf(alpha, form, line);
    String pass = approved.path("passNumber").asText();
    assertTrue(approved.toString(), pass.startsWith("ANP-"));
    long alphaId = alpha.get("/auth/me").expect(200).json().path("companyId").asLong();

    JsonNode run = run(desk, "ANP", "it-1");
    assertEquals("DONE", run.path("status").asText());
    String serial = run.path("cards").path(0).path("serial").asText();
    JsonNode ready = lineOf(alpha, form, line);
    assertEquals("READY", ready.path("status").asText());
    assertEquals(pass, ready.path("passNumber").asText());
    assertEquals("LIVE", ready.path("cardStatus").asText());

    JsonNode mine = alpha.get("/passes").expect(200).json();
    assertEquals(mine.toString(), 1, mine.path("total").asLong());
    JsonNode item = mine.path("items").path(0);
    assertEquals(pass, item.path("number").asText());
    assertEquals(alphaId, item.path("companyId").asLong());
    assertEquals(serial, item.path("card").path("serial").asText());
    assertEquals("LIVE", item.path("card").path("status").asText());
    assertEquals("PENDING_CARD", item.path("status").asText());

    // isolation: beta sees none of alpha's, whatever it asks for
    assertEquals(0, beta.get("/passes").expect(200).json().path("total").asLong());
    assertEquals(
        0, beta.get("/passes?companyId=" + alphaId).expect(200).json().path("total").asLong());
    beta.get("/passes/" + pass).problem(404, "not-found");
    // port staff see the passes of their ports only
    assertEquals(1, total(staff("bud-police-it", Role.POLICE, "BUD"), "/passes?port=BUD"));
    assertEquals(0, total(staff("hun-police-it", Role.POLICE, "HUN"), "/passes"));
    // administrators filter by company, port, status and validity
    assertEquals(1, total(admin, "/passes?companyId=" + alphaId));
    assertEquals(1, total(admin, "/passes?companyId=" + alphaId + "&port=anp&status=PENDING_CARD"));
    assertEquals(0, total(admin, "/passes?companyId=" + alphaId + "&status=ACTIVE"));
    assertEquals(0, total(admin, "/passes?companyId=" + alphaId + "&port=KHH"));
    LocalDate today = LocalDate.now(TAIPEI);
    assertEquals(
        1, total(admin, "/passes?companyId=" + alphaId + "&validOn=" + today.plusDays(60)));
    assertEquals(
        0, total(admin, "/passes?companyId=" + alphaId + "&validOn=" + today.plusDays(61)));
    admin.get("/passes?validOn=tomorrow").problem(400, "validation");
    admin.get("/passes?status=LOST").problem(400, "validation");

    desk.post("/passes/" + pass + "/pickup", Map.of("collectedBy", "王小明")).expect(200);
    assertEquals(1, total(alpha, "/passes?status=ACTIVE"));
    alpha.post("/passes/" + pass + "/lost", Map.of("reason", "lost at the quay")).expect(200);
    JsonNode lost = lineOf(alpha, form, line);
    assertEquals("PICKED_UP", lost.path("status").asText());
    assertEquals("VOID", lost.path("cardStatus").asText()); // no replacement card printed yet
    JsonNode replaced = run(desk, "ANP", "it-1");
    assertEquals("DONE", replaced.path("status").asText());
    JsonNode after = alpha.get("/passes").expect(200).json().path("items").path(0);
    assertEquals(pass + "-C2", after.path("card").path("serial").asText());
    assertEquals("LIVE", after.path("card").path("status").asText());
  }

  @Test
  public void reviewDecisionsAndLineStepsFollowOneRule() throws Exception {
    Api company = company("Rules Co");
    long[] draftAndLine = draftLine(company, List.of("TXG"));
    // a draft's line is not cancelled (the draft would be stuck): refused, the draft stays
    // deletable
    company.post("/lines/" + draftAndLine[1] + "/cancel", "").problem(409, "illegal-transition");
    long version =
        company.get("/forms/" + draftAndLine[0]).expect(200).json().path("version").asLong();
    company.delete("/forms/" + draftAndLine[0] + "?version=" + version).expect(204);

    long line = submittedLine(company, List.of("TXG"));
    String queue = "/reviews/TXG/REVIEW";
    // a rejection without reason is refused whole, for one line and for many alike
    admin
        .post(queue + "/lines/" + line, Map.of("decision", "REJECT", "revision", 0))
        .problem(400, "validation");
    JsonNode bulk =
        admin
            .post(
                queue + "/decisions",
                Map.of(
                    "decision", "REJECT", "lines", List.of(Map.of("lineId", line, "revision", 0))))
            .problem(400, "validation");
    assertEquals("reason", bulk.path("errors").path(0).path("field").asText());
    // a line without its revision is a bad request, not revision 0
    JsonNode noRevision =
        admin
            .post(
                queue + "/decisions",
                Map.of("decision", "APPROVE", "lines", List.of(Map.of("lineId", line))))
            .problem(400, "validation");
    assertEquals("lines/0/revision", noRevision.path("errors").path(0).path("field").asText());
    // a revision the line never had is not called a resubmission
    JsonNode wrong =
        admin
            .post(
                queue + "/decisions",
                Map.of(
                    "decision", "APPROVE", "lines", List.of(Map.of("lineId", line, "revision", 5))))
            .expect(200)
            .json()
            .path(0);
    assertEquals("unknown-revision", wrong.path("errorCode").asText());

    admin
        .post(
            queue + "/lines/" + line,
            Map.of("decision", "REJECT", "reason", "photo too dark", "revision", 0))
        .expect(200);
    JsonNode audit =
        admin.get("/audit?action=line.reject&entityId=" + line).expect(200).json().path("items");
    assertEquals(audit.toString(), 1, audit.size());
    assertTrue(audit.toString(), audit.path(0).path("after").asText().contains("photo too dark"));

    JsonNode returned = lineOf(company, formOf(company, line), line);
    Map<String, Object> fixed = new HashMap<>();
    fixed.put("subjectKind", "PERSON");
    fixed.put("subjectId", returned.path("subjectId").asLong());
    fixed.put("validFrom", returned.path("validFrom").asText());
    fixed.put("validTo", returned.path("validTo").asText());
    fixed.put("attachmentIds", returned.path("attachmentIds"));
    JsonNode resubmitted = company.post("/lines/" + line + "/resubmit", fixed).expect(200).json();
    assertEquals("photo too dark", resubmitted.path("lastReason").asText()); // while re-reviewed
    // the old revision now is a resubmission
    admin
        .post(queue + "/lines/" + line, Map.of("decision", "APPROVE", "revision", 0))
        .problem(409, "resubmitted");
    JsonNode decided = null;
    for (String stage : List.of("REVIEW", "POLICE", "SUPERVISOR")) {
      decided =
          admin
              .post(
                  "/reviews/TXG/" + stage + "/lines/" + line,
                  Map.of("decision", "APPROVE", "revision", 1))
              .expect(200)
              .json();
    }
    assertEquals("PRODUCTION", decided.path("status").asText());
    assertTrue(decided.toString(), decided.path("lastReason").isNull()); // past the rejection

    Api desk = staff("txg-desk-it", Role.CARD_DESK, "TXG");
    desk.get("/card-jobs/next?port=TXG&desk=d1&max=-5").problem(400, "validation");
    desk.get("/card-jobs/next?port=TXG&desk=d1&max=101").problem(400, "validation");
    desk.get("/card-jobs/next?port=TXG&desk=d1&max=").expect(200);
  }

  private static long formOf(Api company, long line) {
    for (JsonNode form : company.get("/forms?size=500").expect(200).json().path("items")) {
      long id = form.path("id").asLong();
      for (JsonNode l : company.get("/forms/" + id).expect(200).json().path("lines")) {
        if (l.path("id").asLong() == line) {
          return id;
        }
      }
    }
    throw new AssertionError("line " + line + " on no form");
  }

  private static long total(Api api, String path) {
    return api.get(path).expect(200).json().path("total").asLong();
  }

  private Api company(String name) {
    return Accounts.company(admin, "ports-co", name);
  }

  private Api staff(String name, Role role, String port) {
    return Accounts.staff(admin, name, role, port);
  }

  private static JsonNode lineOf(Api company, long form, long line) {
    for (JsonNode l : company.get("/forms/" + form).expect(200).json().path("lines")) {
      if (l.path("id").asLong() == line) {
        return l;
      }
    }
    throw new AssertionError("line " + line + " not on form " + form);
  }

  private void station(String port, String desk) throws Exception {
    Hashtable<String, Object> p = new Hashtable<>();
    p.put("port", port);
    p.put("desk", desk);
    p.put("faults", "");
    configurations
        .getFactoryConfiguration("org.portpass.device.sim", port + "." + desk, "?")
        .update(p);
  }

  private void runner(String port, String desk) throws Exception {
    Hashtable<String, Object> p = new Hashtable<>();
    p.put("port", port);
    p.put("desk", desk);
    configurations
        .getFactoryConfiguration("org.portpass.carddesk", port + "." + desk, "?")
        .update(p);
  }

  /** Runs the desk's next job, waiting for the desk, its devices and the job to come up. */
  private static JsonNode run(Api desk, String port, String name) {
    return await(
        () -> {
          Api.Reply reply = desk.post("/card-desks/" + port + "/" + name + "/run", "");
          if (reply.status() == 200) {
            return reply.json();
          }
          throw new AssertionError(reply.status() + " " + new String(reply.bytes()));
        });
  }

  /** A person's line of a new form, approved by every access port's three stages. */
  private long[] approvedLine(Api company, String pickup, List<String> ports) {
    long[] draft = draftLine(company, ports, pickup);
    JsonNode submitted = submit(company, draft[0]);
    assertTrue(submitted.toString(), submitted.path("passNumber").isNull());
    assertTrue(submitted.path("cardStatus").isNull());
    for (String stage : List.of("REVIEW", "POLICE", "SUPERVISOR")) {
      for (String port : ports) {
        admin
            .post(
                "/reviews/" + port + "/" + stage + "/lines/" + draft[1],
                Map.of("decision", "APPROVE", "revision", 0))
            .expect(200);
      }
    }
    return draft;
  }

  /** A person's line of a new submitted form; answers the line's id. */
  private long submittedLine(Api company, List<String> ports) {
    long[] draft = draftLine(company, ports);
    submit(company, draft[0]);
    return draft[1];
  }

  private long[] draftLine(Api company, List<String> ports) {
    return draftLine(company, ports, ports.get(0));
  }

  /** A draft with one person's line (with a photo); answers the form's and the line's id. */
  /**
   * Keelung's own rule bundle, running in the server, refuses a long-term pass for a person without
   * a port-safety training certificate lasting the pass, beside the line's attachments, and lets
   * the same person through once one is attached.
   */
  @Test
  public void keelungsRuleBundleAsksPersonsForATrainingCertificate() throws Exception {
    Api company = company("Keelung Training Co");
    Samples.Subject worker = Samples.personWithPhoto(company);
    LocalDate lastDay = LocalDate.now(TAIPEI).plusDays(60);
    long form = keelungForm(company, worker.id(), worker.attachmentIds(), lastDay);
    JsonNode refused =
        company
            .send(
                HttpRequest.newBuilder(company.uri("/forms/" + form + "/submit"))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.noBody()))
            .problem(400, "validation")
            .path("errors");
    assertTrue(
        refused.toString(),
        refused.toString().contains("lines/0/attachmentIds")
            && refused.toString().contains("port-safety training certificate")
            && refused.toString().contains(lastDay.toString()));

    company
        .send(
            HttpRequest.newBuilder(
                    company.uri(
                        "/persons/"
                            + worker.id()
                            + "/attachments?type=TRAINING_CERTIFICATE&validUntil="
                            + lastDay.plusDays(30)))
                .header("Content-Type", "application/pdf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.pdf())))
        .expect(201);
    List<Long> all = new ArrayList<>();
    company
        .get("/persons/" + worker.id() + "/attachments")
        .expect(200)
        .json()
        .forEach(a -> all.add(a.path("id").asLong()));
    long trained = keelungForm(company, worker.id(), all, lastDay);
    assertEquals("REVIEW", submit(company, trained).path("status").asText());
  }

  private static long keelungForm(Api company, long person, List<Long> attachments, LocalDate to) {
    Map<String, Object> line = new HashMap<>();
    line.put("subjectKind", "PERSON");
    line.put("subjectId", person);
    line.put("validFrom", LocalDate.now(TAIPEI).toString());
    line.put("validTo", to.toString());
    line.put("attachmentIds", attachments);
    Map<String, Object> form = new HashMap<>();
    form.put("passType", "LONG_TERM");
    form.put("accessPorts", List.of("KEL"));
    form.put("pickupPort", "KEL");
    form.put("purpose", "Keelung's training rule");
    form.put("lines", List.of(line));
    return company.post("/forms", form).expect(201).json().path("id").asLong();
  }

  private long[] draftLine(Api company, List<String> ports, String pickup) {
    Samples.Subject subject = Samples.personWithPhoto(company);
    long person = subject.id();
    List<Long> attachments = subject.attachmentIds();
    Map<String, Object> line = new HashMap<>();
    line.put("subjectKind", "PERSON");
    line.put("subjectId", person);
    line.put("validFrom", LocalDate.now(TAIPEI).toString());
    line.put("validTo", LocalDate.now(TAIPEI).plusDays(60).toString());
    line.put("attachmentIds", attachments);
    Map<String, Object> form = new HashMap<>();
    form.put("passType", "LONG_TERM");
    form.put("accessPorts", ports);
    form.put("pickupPort", pickup);
    form.put("purpose", "ports and passes test");
    form.put("lines", List.of(line));
    JsonNode draft = company.post("/forms", form).expect(201).json();
    return new long[] {draft.path("id").asLong(), draft.path("lines").path(0).path("id").asLong()};
  }

  /** Submits a draft; answers its (only) line. */
  private static JsonNode submit(Api company, long form) {
    return company
        .send(
            HttpRequest.newBuilder(company.uri("/forms/" + form + "/submit"))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.noBody()))
        .expect(200)
        .json()
        .path("lines")
        .path(0);
  }

  @FunctionalInterface
  private interface Attempt<T> {
    T get() throws Exception;
  }

  /** Retries for up to 30 s: configurations, rule bundles and desks come up asynchronously. */
  private static <T> T await(Attempt<T> attempt) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      try {
        return attempt.get();
      } catch (Exception | AssertionError e) {
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError("gave up waiting: " + e.getMessage(), e);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted");
        }
      }
    }
  }
}
