package org.portpass.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;
import org.portpass.card.gate.GateClient;
import org.portpass.card.gate.OfflineGate;
import org.portpass.card.gate.OfflineVerification;
import org.portpass.card.gate.RevocationChanges;
import org.portpass.card.gate.RevocationEntry;
import org.portpass.card.gate.RevocationEntry.Kind;
import org.portpass.card.gate.RevocationList;
import org.portpass.core.Role;

/**
 * Gates through the real server: a card made, collected and then suspended, reinstated, revoked or
 * lost shows on the signed revocation list (full and incremental), an offline gate with the
 * downloaded list refuses its code as the server's online verification does, and gates' passage
 * records are stored and found per port and per pass.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class GateIT {
  @Inject FeaturesService features;
  @Inject ConfigurationAdmin configurations;
  @Inject SessionFactory sessions;

  private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");

  private final Api admin = Api.local();
  private Api company;
  private Api police;
  private Api desk;

  @Configuration
  public Option[] config() {
    return PortPassContainer.options();
  }

  @Before
  public void setUp() throws Exception {
    admin.awaitHealthy();
    Accounts.ensure(Accounts.ADMIN, Set.of(Role.ADMIN), null, Set.of());
    admin.login(Accounts.ADMIN, Accounts.PASSWORD);
    if (!features.isInstalled(features.getFeature("portpass-device-sim"))) {
      features.installFeature(
          "portpass-device-sim", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
    }
    long id =
        admin
            .post("/companies", Samples.company(Samples.taxId(), "Gate Co"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    admin.post("/companies/" + id + "/verify", "").expect(200);
    Accounts.ensure("gate-co-" + id, Set.of(Role.COMPANY_USER), id, Set.of());
    company = admin.anonymous().login("gate-co-" + id, Accounts.PASSWORD);
    Accounts.ensure("kel-police-gate", Set.of(Role.POLICE), null, Set.of("KEL"));
    police = admin.anonymous().login("kel-police-gate", Accounts.PASSWORD);
    Accounts.ensure("kel-desk-gate", Set.of(Role.CARD_DESK), null, Set.of("KEL"));
    desk = admin.anonymous().login("kel-desk-gate", Accounts.PASSWORD);
    station("KEL", "gate-desk", "");
    runner("KEL", "gate-desk");
  }

  @Test
  public void aSuspendedOrRevokedPassIsRefusedOfflineAsOnlineAndAReinstatedOneLeavesTheList()
      throws Exception {
    Card card = collectedCard();
    PublicKey key = key(police);
    OfflineGate gate = new OfflineGate(key, Clock.systemUTC());
    GateClient client = new GateClient(base(), police::token, gate);
    client.loadFull();
    assertTrue(gate.verify(card.code, "KEL").toString(), gate.verify(card.code, "KEL").valid());
    assertTrue(verify(card.code, "KEL").path("valid").asBoolean());
    assertFalse(gate.verify(card.code, "KHH").valid());

    police.post("/passes/" + card.pass + "/suspend", Map.of("reason", "investigation")).expect(200);
    RevocationEntry entry = awaitListed(Kind.PASS, card.pass, "SUSPENDED");
    assertEquals(LocalDate.parse(card.validTo), entry.keepUntil());
    long before = gate.listVersion();
    client.refresh();
    assertTrue(gate.listVersion() > before);
    OfflineVerification offline = gate.verify(card.code, "KEL");
    assertEquals("status", offline.reason());
    assertTrue(offline.message(), offline.message().contains("SUSPENDED"));
    assertEquals("status", verify(card.code, "KEL").path("reason").asText()); // the server agrees
    assertTrue(offline.listAge().toSeconds() < 60);

    long suspendedAt = gate.listVersion();
    police.post("/passes/" + card.pass + "/reinstate", "").expect(200);
    awaitUnlisted(Kind.PASS, card.pass);
    RevocationChanges changes =
        RevocationChanges.verify(
            police.get("/revocations?since=" + suspendedAt).expect(200).bytes(), key);
    assertTrue(
        changes.toString(),
        changes.removed().contains(new RevocationEntry.Key(Kind.PASS, card.pass)));
    client.refresh();
    assertTrue(gate.verify(card.code, "KEL").valid());
    assertTrue(verify(card.code, "KEL").path("valid").asBoolean());

    admin.post("/passes/" + card.pass + "/revoke", Map.of("reason", "contract ended")).expect(200);
    awaitListed(Kind.PASS, card.pass, "REVOKED");
    client.refresh();
    assertEquals("status", gate.verify(card.code, "KEL").reason());
    assertEquals("status", verify(card.code, "KEL").path("reason").asText());

    // the full list: its status agrees, gzip or not it is the same signed text
    JsonNode status = police.get("/revocations/status").expect(200).json();
    assertEquals(gate.listVersion(), status.path("version").asLong());
    RevocationList plain =
        RevocationList.verify(police.get("/revocations").expect(200).bytes(), key);
    assertEquals(status.path("entries").asLong(), plain.entries().size());
    assertEquals(gate.listSize(), plain.entries().size());
    // a gate whose list is ahead of the server (or unknown) is told so
    police
        .get("/revocations?since=" + (status.path("version").asLong() + 1))
        .problem(400, "validation");
    company.get("/revocations").problem(403, "forbidden");
  }

  @Test
  public void aLostCardIsListedBySerialWhileTheReplacementIsValid() throws Exception {
    Card card = collectedCard();
    PublicKey key = key(desk);
    company
        .post("/passes/" + card.pass + "/lost", Map.of("reason", "lost at the quay"))
        .expect(200);
    RevocationEntry entry = awaitListed(Kind.CARD, card.serial, RevocationEntry.CARD_VOID);
    assertEquals(LocalDate.parse(card.validTo), entry.keepUntil());
    OfflineGate gate = new OfflineGate(key, Clock.systemUTC());
    new GateClient(base(), desk::token, gate).loadFull();
    assertEquals("card-void", gate.verify(card.code, "KEL").reason());
    assertEquals("card-void", verify(card.code, "KEL").path("reason").asText());
    assertNull("the pass itself is not listed", gate.entry(Kind.PASS, card.pass));

    JsonNode job = run();
    assertEquals("DONE", job.path("status").asText());
    String replacement =
        QrCodes.read(desk.get("/passes/" + card.pass + "/card.png").expect(200).bytes());
    desk.post("/passes/" + card.pass + "/pickup", Map.of("collectedBy", "陳大文")).expect(200);
    assertTrue(gate.verify(replacement, "KEL").valid());
    assertTrue(verify(replacement, "KEL").path("valid").asBoolean());
  }

  @Test
  public void gatePassagesAreRecordedAndFoundPerPortAndPass() throws Exception {
    Card card = collectedCard();
    Instant now = Instant.now();
    JsonNode ok =
        police
            .post("/gate-passages", passage(card.code, "KEL", "A1", now.minusSeconds(60), "ok"))
            .expect(201)
            .json();
    assertEquals(card.pass, ok.path("passNumber").asText());
    assertEquals(card.serial, ok.path("cardSerial").asText());
    assertTrue(ok.path("valid").asBoolean());
    assertEquals("kel-police-gate", ok.path("reportedBy").asText());
    police.post("/gate-passages", passage(card.code, "KEL", null, now, "status")).expect(201);
    String forged = card.code.substring(0, card.code.length() - 4) + "AAAA";
    JsonNode unknown =
        police
            .post("/gate-passages", passage(forged, "KEL", null, now, "signature"))
            .expect(201)
            .json();
    assertTrue(unknown.path("passNumber").isNull());

    JsonNode found = desk.get("/gate-passages?port=KEL&pass=" + card.pass).expect(200).json();
    assertEquals(2, found.path("total").asInt());
    assertEquals("status", found.path("items").path(0).path("result").asText());
    assertEquals("A1", found.path("items").path(1).path("zone").asText());
    JsonNode window =
        admin
            .get(
                "/gate-passages?pass="
                    + card.pass
                    + "&from="
                    + now.minusSeconds(30)
                    + "&to="
                    + now.plusSeconds(1))
            .expect(200)
            .json();
    assertEquals(1, window.path("total").asInt());

    // who reports, who reads, what is refused
    desk.post("/gate-passages", passage(card.code, "KEL", null, now, "ok"))
        .problem(403, "forbidden");
    company.get("/gate-passages?pass=" + card.pass).problem(403, "forbidden");
    Accounts.ensure("khh-desk-gate", Set.of(Role.CARD_DESK), null, Set.of("KHH"));
    Api khh = admin.anonymous().login("khh-desk-gate", Accounts.PASSWORD);
    khh.get("/gate-passages?port=KEL").problem(403, "forbidden");
    assertEquals(
        0, khh.get("/gate-passages?pass=" + card.pass).expect(200).json().path("total").asInt());
    police
        .post("/gate-passages", passage(card.code, "KEL", null, now.plusSeconds(3600), "ok"))
        .problem(400, "validation");
    police
        .post("/gate-passages", passage(card.code, "KEL", null, now, "OK!"))
        .problem(400, "validation");
    police
        .post("/gate-passages", passage("not a code", "KEL", null, now, "ok"))
        .problem(400, "validation");
    assertEquals(
        2,
        desk.get("/gate-passages?port=KEL&pass=" + card.pass)
            .expect(200)
            .json()
            .path("total")
            .asInt());
  }

  @Test
  public void theShellShowsTheListAndAnswersAsAnOfflineGate() throws Exception {
    Card card = collectedCard();
    police.post("/passes/" + card.pass + "/suspend", Map.of("reason", "shell")).expect(200);
    awaitListed(Kind.PASS, card.pass, "SUSPENDED");
    assertTrue(shell("portpass:revocations"), shell("portpass:revocations").contains("entries"));
    Path saved = Files.createTempFile("revocations", ".txt");
    String list = shell("portpass:revocations --save " + saved + " list");
    assertTrue(list, list.contains(card.pass) && list.contains("signature verified"));
    String offline = shell("portpass:gate-verify --list " + saved + " " + card.code + " KEL");
    assertTrue(offline, offline.contains("INVALID (status)"));
    police.post("/passes/" + card.pass + "/reinstate", "").expect(200);
    awaitUnlisted(Kind.PASS, card.pass);
    // the saved list still refuses the card; the server's current list no longer does
    assertTrue(
        shell("portpass:gate-verify --list " + saved + " " + card.code + " KEL")
            .contains("INVALID"));
    String current = shell("portpass:gate-verify " + card.code + " KEL");
    assertTrue(current, current.contains("VALID: valid"));
    long version = RevocationList.verify(Files.readAllBytes(saved), key(police)).version();
    String since = shell("portpass:revocations since " + version);
    assertTrue(since, since.contains("1 removed"));
    police.post("/gate-passages", passage(card.code, "KEL", null, Instant.now(), "ok")).expect(201);
    String passages = shell("portpass:gate-passages --pass " + card.pass);
    assertTrue(passages, passages.contains("1 of 1 records"));
    Files.delete(saved);
  }

  private String shell(String command) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    Session session = sessions.create(new ByteArrayInputStream(new byte[0]), out, out);
    try {
      session.execute(command);
    } finally {
      out.flush();
      session.close();
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  // --- helpers ---

  private record Card(String pass, String serial, String code, String validTo) {}

  /** A KEL pass whose first card is made and collected. */
  private Card collectedCard() throws Exception {
    long line = approvedLine();
    String pass = awaitPass(line);
    JsonNode job = run();
    assertEquals(job.toString(), "DONE", job.path("status").asText());
    String code = QrCodes.read(desk.get("/passes/" + pass + "/card.png").expect(200).bytes());
    desk.post("/passes/" + pass + "/pickup", Map.of("collectedBy", "陳大文")).expect(200);
    JsonNode p = admin.get("/passes/" + pass).expect(200).json();
    return new Card(
        pass, pass + "-C" + job.path("generation").asInt(), code, p.path("validTo").asText());
  }

  private static Map<String, Object> passage(
      String code, String port, String zone, Instant time, String result) {
    Map<String, Object> body = new HashMap<>();
    body.put("code", code);
    body.put("port", port);
    body.put("zone", zone);
    body.put("time", time.toString());
    body.put("result", result);
    return body;
  }

  private RevocationEntry awaitListed(Kind kind, String subject, String reason) {
    return await(
        () -> {
          RevocationList list =
              RevocationList.verify(police.get("/revocations").expect(200).bytes(), key(police));
          for (RevocationEntry e : list.entries()) {
            if (e.kind() == kind && e.subject().equals(subject) && e.reason().equals(reason)) {
              return e;
            }
          }
          throw new NotYet(kind + " " + subject + " " + reason + " is not listed yet");
        });
  }

  private void awaitUnlisted(Kind kind, String subject) {
    await(
        () -> {
          RevocationList list =
              RevocationList.verify(police.get("/revocations").expect(200).bytes(), key(police));
          for (RevocationEntry e : list.entries()) {
            if (e.kind() == kind && e.subject().equals(subject)) {
              throw new NotYet(kind + " " + subject + " is still listed");
            }
          }
          return null;
        });
  }

  private static PublicKey key(Api api) throws Exception {
    String text = api.get("/pass-codes/key").expect(200).json().path("publicKey").asText();
    return KeyFactory.getInstance("Ed25519")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text)));
  }

  private static URI base() {
    return URI.create("http://127.0.0.1:" + System.getProperty("portpass.it.port") + "/api/v1");
  }

  private JsonNode verify(String code, String port) {
    Map<String, Object> body = new HashMap<>();
    body.put("payload", code);
    body.put("port", port);
    return company.post("/pass-codes/verify", body).expect(200).json();
  }

  private void station(String port, String name, String faults) throws Exception {
    Hashtable<String, Object> p = new Hashtable<>();
    p.put("port", port);
    p.put("desk", name);
    p.put("faults", faults);
    configurations
        .getFactoryConfiguration("org.portpass.device.sim", port + "." + name, "?")
        .update(p);
  }

  private void runner(String port, String name) throws Exception {
    Hashtable<String, Object> p = new Hashtable<>();
    p.put("port", port);
    p.put("desk", name);
    configurations
        .getFactoryConfiguration("org.portpass.carddesk", port + "." + name, "?")
        .update(p);
  }

  /** Runs the desk's next job once, after its devices are up. */
  private JsonNode run() {
    await(
        () -> {
          for (JsonNode d : desk.get("/card-desks").expect(200).json()) {
            if (d.path("desk").asText().equals("gate-desk")
                && !d.toString().contains("no driver registered")) {
              return d;
            }
          }
          throw new NotYet("the desk's devices are not up yet");
        });
    return desk.post("/card-desks/KEL/gate-desk/run", "").expect(200).json();
  }

  private long approvedLine() {
    Samples.Subject subject = Samples.personWithPhoto(company);
    LocalDate from = LocalDate.now(TAIPEI);
    Map<String, Object> line = new HashMap<>();
    line.put("subjectKind", "PERSON");
    line.put("subjectId", subject.id());
    line.put("validFrom", from.toString());
    line.put("validTo", from.plusDays(60).toString());
    line.put("attachmentIds", subject.attachmentIds());
    Map<String, Object> form = new HashMap<>();
    form.put("passType", "LONG_TERM");
    form.put("accessPorts", List.of("KEL"));
    form.put("pickupPort", "KEL");
    form.put("purpose", "gate test");
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
      admin
          .post(
              "/reviews/KEL/" + stage + "/lines/" + lineId,
              Map.of("decision", "APPROVE", "revision", 0))
          .expect(200);
    }
    return lineId;
  }

  private String awaitPass(long line) {
    return await(
        () -> {
          for (JsonNode job :
              admin
                  .get("/card-jobs?port=KEL&status=QUEUED&size=500")
                  .expect(200)
                  .json()
                  .path("items")) {
            String pass = job.path("passNumber").asText();
            if (admin.get("/passes/" + pass).expect(200).json().path("lineId").asLong() == line) {
              return pass;
            }
          }
          throw new NotYet("no card job for line " + line);
        });
  }

  @FunctionalInterface
  private interface Attempt<T> {
    T get() throws Exception;
  }

  private static final class NotYet extends RuntimeException {
    NotYet(String message) {
      super(message, null, false, false);
    }
  }

  private static <T> T await(Attempt<T> attempt) {
    long deadline = System.currentTimeMillis() + 30_000;
    while (true) {
      try {
        return attempt.get();
      } catch (NotYet e) {
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError("gave up waiting: " + e.getMessage(), e);
        }
        try {
          Thread.sleep(200);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted");
        }
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }
}
