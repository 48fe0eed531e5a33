package org.portpass.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.portpass.auth.AccountService;
import org.portpass.core.Role;
import org.portpass.device.CardPrinter;

/**
 * Card production through the real server: approved lines become card jobs at the pickup port, a
 * desk with simulated devices prints, verifies (the QR code is decoded from the printed image) and
 * encodes them, the company collects the card, and gates verify its pass code. Each test uses its
 * own pickup port, so their queues never mix.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CardProductionIT {
  @Inject AccountService accounts;
  @Inject FeaturesService features;
  @Inject ConfigurationAdmin configurations;
  @Inject BundleContext context;

  /** Pass dates are the port authority's: Taiwan's calendar day. */
  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  private final Api admin = Api.local();
  private Api company;

  @Configuration
  public Option[] config() {
    return PortPassContainer.options();
  }

  @Before
  public void setUp() throws Exception {
    admin.awaitHealthy();
    Accounts.ensure(accounts, Accounts.ADMIN, Set.of(Role.ADMIN), null, Set.of());
    admin.login(Accounts.ADMIN, Accounts.PASSWORD);
    if (!features.isInstalled(features.getFeature("portpass-device-sim"))) {
      // without a refresh: refreshing would rewire this test's own probe bundle
      features.installFeature(
          "portpass-device-sim", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
    }
    long id =
        admin
            .post("/companies", Samples.company(Samples.taxId(), "Card Co"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    admin.post("/companies/" + id + "/verify", "").expect(200);
    Accounts.ensure(accounts, "card-co-" + id, Set.of(Role.COMPANY_USER), id, Set.of());
    company = admin.anonymous().login("card-co-" + id, Accounts.PASSWORD);
  }

  @Test
  public void anApprovedLineBecomesACardThatIsCollectedAndCheckedAtTheGate() throws Exception {
    Api desk = desk("TPE");
    station("TPE", "it-1", "");
    runner("TPE", "it-1");
    long line = approvedLine("TPE", List.of("TPE", "TXG"));
    String pass = awaitPass("TPE", line);
    assertEquals(
        "PENDING_CARD", desk.get("/passes/" + pass).expect(200).json().path("status").asText());

    JsonNode job = run(desk, "TPE", "it-1");
    assertEquals("DONE", job.path("status").asText());
    List<String> steps = new ArrayList<>();
    job.path("attempts")
        .forEach(a -> steps.add(a.path("step").asText() + " " + a.path("outcome").asText()));
    assertEquals(List.of("PRINT OK", "VERIFY OK", "ENCODE OK"), steps);
    assertEquals(1, job.path("cards").size());
    assertEquals("LIVE", job.path("cards").path(0).path("status").asText());
    assertEquals("READY", lineStatus(line));
    assertEquals(204, run(desk, "TPE", "it-1", 204).status());

    byte[] png = desk.get("/passes/" + pass + "/card.png").expect(200).bytes();
    String code = QrCodes.read(png);
    assertTrue(code, code.startsWith("PP1."));
    byte[] pdf = desk.get("/passes/" + pass + "/card.pdf").expect(200).bytes();
    assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals("not-collected", verify(code, "TPE").path("reason").asText());

    desk.post("/passes/" + pass + "/pickup", Map.of("collectedBy", " ")).problem(400, "validation");
    JsonNode card =
        desk.post("/passes/" + pass + "/pickup", Map.of("collectedBy", "陳大文 (driver)"))
            .expect(200)
            .json();
    assertEquals("陳大文 (driver)", card.path("collectedBy").asText());
    assertEquals("PICKED_UP", lineStatus(line));
    assertEquals(
        "ACTIVE", company.get("/passes/" + pass).expect(200).json().path("status").asText());
    desk.post("/passes/" + pass + "/pickup", Map.of("collectedBy", "again"))
        .problem(409, "no-card");

    JsonNode valid = verify(code, "TPE");
    assertTrue(valid.toString(), valid.path("valid").asBoolean());
    assertEquals(pass, valid.path("passNumber").asText());
    assertEquals("port", verify(code, "KHH").path("reason").asText());
    String tampered =
        code.substring(0, 10) + (code.charAt(10) == 'A' ? 'B' : 'A') + code.substring(11);
    assertEquals("signature", verify(tampered, null).path("reason").asText());
    company
        .post("/pass-codes/verify", Map.of("payload", "https://example.com"))
        .problem(400, "validation");
    assertEquals("signature", verify("PP1.abc.def", null).path("reason").asText());

    admin.post("/passes/" + pass + "/suspend", Map.of("reason", "investigation")).expect(200);
    JsonNode suspended = verify(code, "TPE");
    assertEquals("status", suspended.path("reason").asText());
    assertTrue(suspended.path("message").asText().contains("investigation"));
    admin.post("/passes/" + pass + "/reinstate", "").expect(200);
    assertTrue(verify(code, "TXG").path("valid").asBoolean());

    JsonNode replacement =
        company
            .post("/passes/" + pass + "/lost", Map.of("reason", "lost at the quay"))
            .expect(200)
            .json();
    assertEquals(2, replacement.path("generation").asInt());
    assertEquals("card-void", verify(code, "TPE").path("reason").asText());
    company.post("/passes/" + pass + "/lost", Map.of("reason", "again")).problem(409, "job-open");
    JsonNode second = run(desk, "TPE", "it-1");
    assertEquals("DONE", second.path("status").asText());
    String newCode = QrCodes.read(desk.get("/passes/" + pass + "/card.png").expect(200).bytes());
    assertNotEquals(code, newCode);
    // the replacement, like the first card, is valid from its pickup
    assertEquals("not-collected", verify(newCode, "TPE").path("reason").asText());
    desk.post("/passes/" + pass + "/pickup", Map.of("collectedBy", "陳大文")).expect(200);
    assertTrue(verify(newCode, "TPE").path("valid").asBoolean());
    assertEquals("PICKED_UP", lineStatus(line));

    admin.post("/passes/" + pass + "/revoke", Map.of("reason", "contract ended")).expect(200);
    assertEquals("status", verify(newCode, "TPE").path("reason").asText());
    admin.post("/passes/" + pass + "/reinstate", "").problem(409, "pass-status");
  }

  @Test
  public void deviceFaultsLeaveAClearStateAndNeverTwoLiveCards() throws Exception {
    Api desk = desk("TXG");
    station("TXG", "it-2", "PRINT:JAM,VERIFY:WRONG_READ,ENCODE:DISCONNECTED");
    runner("TXG", "it-2");
    long line = approvedLine("TXG", List.of("TXG"));
    String pass = awaitPass("TXG", line);

    JsonNode jammed = run(desk, "TXG", "it-2");
    assertEquals("FAILED", jammed.path("status").asText());
    assertEquals("PRINT", jammed.path("failedStep").asText());
    assertTrue(jammed.path("lastError").asText().contains("JAM"));
    assertEquals("VOID", jammed.path("cards").path(0).path("status").asText());
    assertEquals(
        204, run(desk, "TXG", "it-2", 204).status()); // a failed job waits for the operator
    long id = jammed.path("id").asLong();

    desk.post("/card-jobs/" + id + "/retry", "").expect(200);
    JsonNode misread = run(desk, "TXG", "it-2");
    assertEquals("FAILED", misread.path("status").asText());
    assertEquals("PRINT", misread.path("failedStep").asText()); // a wrong read voids the card
    assertEquals("VOID", misread.path("cards").path(1).path("status").asText());

    desk.post("/card-jobs/" + id + "/retry", "").expect(200);
    JsonNode unplugged = run(desk, "TXG", "it-2");
    assertEquals("ENCODE", unplugged.path("failedStep").asText()); // the printed card is kept
    assertEquals("ISSUING", unplugged.path("cards").path(2).path("status").asText());
    desk.post("/card-jobs/" + id + "/retry", "").expect(200);
    desk.post("/card-jobs/" + id + "/retry", "").problem(409, "job-status");
    JsonNode done = run(desk, "TXG", "it-2");
    assertEquals("DONE", done.path("status").asText());

    List<String> cards = new ArrayList<>();
    done.path("cards")
        .forEach(c -> cards.add(c.path("serial").asText() + " " + c.path("status").asText()));
    assertEquals(List.of(pass + "-C1 VOID", pass + "-C2 VOID", pass + "-C3 LIVE"), cards);
    List<String> faults = new ArrayList<>();
    done.path("attempts")
        .forEach(a -> faults.add(a.path("step").asText() + " " + a.path("fault").asText("-")));
    assertEquals(
        List.of(
            "PRINT JAM",
            "PRINT -",
            "VERIFY WRONG_READ",
            "PRINT -",
            "VERIFY -",
            "ENCODE DISCONNECTED",
            "ENCODE -"),
        faults);
    desk.post("/card-jobs/" + id + "/void", Map.of("reason", "bent")).problem(409, "job-status");
    assertEquals("READY", lineStatus(line));
  }

  @Test
  public void aDriverIsSwappedAtRuntimeAndAnInterruptedStepResumesWithoutASecondCard()
      throws Exception {
    Api desk = desk("SUO");
    runner("SUO", "it-3");
    long line = approvedLine("SUO", List.of("SUO"));
    String pass = awaitPass("SUO", line);
    await(() -> desk.post("/card-desks/SUO/it-3/run", "").problem(409, "device-missing"));

    station("SUO", "it-3", "");
    await(
        () -> {
          assertTrue(
              desk.get("/card-desks").expect(200).json().toString().contains("sim:SUO/it-3"));
          return null;
        });

    // the driver bundle goes and comes back: the desk follows without a restart
    Bundle driver = bundle("org.portpass.device.sim");
    driver.stop();
    assertTrue(
        desk.get("/card-desks").expect(200).json().toString().contains("no driver registered"));
    driver.start();
    CardPrinter printer = await(() -> device(CardPrinter.class, "SUO", "it-3"));

    // the desk prints, then dies while verifying: the VERIFY attempt is never reported
    long id =
        desk.get("/card-jobs?port=SUO&status=QUEUED")
            .expect(200)
            .json()
            .path("items")
            .path(0)
            .path("id")
            .asLong();
    JsonNode print =
        desk.post("/card-jobs/" + id + "/steps", Map.of("desk", "it-3")).expect(200).json();
    assertEquals("PRINT", print.path("step").asText());
    byte[] face = Base64.getDecoder().decode(print.path("cardFace").asText());
    printer.print(print.path("cardSerial").asText(), face);
    String printed = QrCodes.read(face);
    desk.put(
            "/card-jobs/" + id + "/steps/" + print.path("attemptId").asLong(),
            Map.of("ok", true, "device", printer.name()))
        .expect(200);
    JsonNode verify =
        desk.post("/card-jobs/" + id + "/steps", Map.of("desk", "it-3")).expect(200).json();
    assertEquals("VERIFY", verify.path("step").asText());
    desk.post("/card-jobs/" + id + "/steps", Map.of("desk", "it-other")).problem(409, "job-busy");

    JsonNode resumed = await(() -> run(desk, "SUO", "it-3"));
    assertEquals("DONE", resumed.path("status").asText());
    assertEquals(1, resumed.path("cards").size()); // the same card, verified and encoded
    assertEquals(pass + "-C1", resumed.path("cards").path(0).path("serial").asText());
    List<String> steps = new ArrayList<>();
    resumed
        .path("attempts")
        .forEach(a -> steps.add(a.path("step").asText() + " " + a.path("outcome").asText()));
    assertEquals(List.of("PRINT OK", "VERIFY INTERRUPTED", "VERIFY OK", "ENCODE OK"), steps);
    assertTrue(printed.startsWith("PP1."));
    desk.put(
            "/card-jobs/" + id + "/steps/" + verify.path("attemptId").asLong(),
            Map.of("ok", true, "device", "late", "scanned", printed))
        .problem(409, "attempt-closed");
  }

  @Test
  public void aDeskNodeTakesItsJobsFromTheServerOverRest() throws Exception {
    Api desk = desk("HUN");
    if (!features.isInstalled(features.getFeature("portpass-carddesk-remote"))) {
      features.installFeature(
          "portpass-carddesk-remote", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
    }
    connection("wrong-password");
    station("HUN", "node-1", "");
    Hashtable<String, Object> p = new Hashtable<>();
    p.put("port", "HUN");
    p.put("desk", "node-1");
    p.put("jobs.target", "(remote=true)"); // as on a desk node, where only the remote source exists
    configurations.getFactoryConfiguration("org.portpass.carddesk", "HUN.node-1", "?").update(p);
    long line = approvedLine("HUN", List.of("HUN"));
    String pass = awaitPass("HUN", line);

    // the node signs in with its own account: a wrong password reaches the operator as such
    await(() -> desk.post("/card-desks/HUN/node-1/run", "").problem(401, "unauthorized"));
    connection(Accounts.PASSWORD);
    JsonNode job = run(desk, "HUN", "node-1");
    assertEquals("DONE", job.path("status").asText());
    assertEquals(pass, job.path("passNumber").asText());
    job.path("attempts").forEach(a -> assertEquals("node-1", a.path("desk").asText()));
    assertEquals("READY", lineStatus(line));
  }

  // --- helpers ---

  /** The desk node's connection to the server, here the container's own REST API. */
  private void connection(String password) throws Exception {
    Hashtable<String, Object> p = new Hashtable<>();
    p.put("serverUrl", "http://127.0.0.1:" + System.getProperty("portpass.it.port") + "/api/v1");
    p.put("username", "hun-desk-it");
    p.put("password", password);
    configurations.getConfiguration("org.portpass.carddesk.remote", "?").update(p);
  }

  private Api desk(String port) {
    String name = port.toLowerCase() + "-desk-it";
    Accounts.ensure(accounts, name, Set.of(Role.CARD_DESK), null, Set.of(port));
    return admin.anonymous().login(name, Accounts.PASSWORD);
  }

  private void station(String port, String desk, String faults) throws Exception {
    Hashtable<String, Object> p = new Hashtable<>();
    p.put("port", port);
    p.put("desk", desk);
    p.put("faults", faults);
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

  private <D> D device(Class<D> kind, String port, String desk) throws Exception {
    var refs = context.getServiceReferences(kind, "(&(port=" + port + ")(desk=" + desk + "))");
    if (refs.isEmpty()) {
      throw new AssertionError("no " + kind.getSimpleName() + " at " + port + "/" + desk);
    }
    return context.getService(refs.iterator().next());
  }

  private Bundle bundle(String name) {
    for (Bundle b : context.getBundles()) {
      if (b.getSymbolicName().equals(name)) {
        return b;
      }
    }
    throw new AssertionError(name + " is not installed");
  }

  /** Runs the desk's next job, waiting for the desk and its devices to come up. */
  private JsonNode run(Api desk, String port, String name) throws Exception {
    return await(() -> run(desk, port, name, 200).json());
  }

  private Api.Reply run(Api desk, String port, String name, int expected) throws Exception {
    return await(
        () -> {
          Api.Reply reply = desk.post("/card-desks/" + port + "/" + name + "/run", "");
          if (reply.status() == expected) {
            return reply;
          }
          throw new AssertionError(reply.status() + " " + new String(reply.bytes()));
        });
  }

  private JsonNode verify(String code, String port) {
    Map<String, Object> body = new HashMap<>();
    body.put("payload", code);
    body.put("port", port);
    return company.post("/pass-codes/verify", body).expect(200).json();
  }

  private String lineStatus(long line) {
    return await(
        () -> {
          for (JsonNode form : company.get("/forms?size=500").expect(200).json().path("items")) {
            for (JsonNode l :
                company
                    .get("/forms/" + form.path("id").asLong())
                    .expect(200)
                    .json()
                    .path("lines")) {
              if (l.path("id").asLong() == line) {
                return l.path("status").asText();
              }
            }
          }
          throw new AssertionError("line " + line + " not found");
        });
  }

  /** A person's line, approved by every access port's three stages (as administrator). */
  private long approvedLine(String pickup, List<String> ports) {
    long person =
        company
            .post("/persons", Map.of("identityNumber", Samples.nationalId(), "nameZh", "王小明"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    company
        .send(
            HttpRequest.newBuilder(company.uri("/persons/" + person + "/attachments?type=PHOTO"))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.png())))
        .expect(201);
    List<Long> attachments = new ArrayList<>();
    company
        .get("/persons/" + person + "/attachments")
        .expect(200)
        .json()
        .forEach(a -> attachments.add(a.path("id").asLong()));
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
    form.put("purpose", "card production test");
    form.put("lines", List.of(line));
    long id = company.post("/forms", form).expect(201).json().path("id").asLong();
    long lineId =
        company
            .send(
                HttpRequest.newBuilder(company.uri("/forms/" + id + "/submit"))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.noBody()))
            .expect(200)
            .json()
            .path("lines")
            .path(0)
            .path("id")
            .asLong();
    for (String stage : List.of("REVIEW", "POLICE", "SUPERVISOR")) {
      for (String port : ports) {
        admin
            .post(
                "/reviews/" + port + "/" + stage + "/lines/" + lineId,
                Map.of("decision", "APPROVE", "revision", 0))
            .expect(200);
      }
    }
    return lineId;
  }

  /** The pass of a line, once card production has queued its job (the hand-over is an event). */
  private String awaitPass(String port, long line) {
    return await(
        () -> {
          for (JsonNode job :
              admin.get("/card-jobs?port=" + port + "&size=500").expect(200).json().path("items")) {
            String pass = job.path("passNumber").asText();
            if (admin.get("/passes/" + pass).expect(200).json().path("lineId").asLong() == line) {
              return pass;
            }
          }
          throw new AssertionError("no card job for line " + line + " at " + port);
        });
  }

  @FunctionalInterface
  private interface Attempt<T> {
    T get() throws Exception;
  }

  /** Retries for up to 30 s: configurations, events and desks come up asynchronously. */
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
