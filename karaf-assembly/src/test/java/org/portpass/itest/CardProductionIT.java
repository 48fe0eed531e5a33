package org.portpass.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
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
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import org.portpass.application.PassService;
import org.portpass.card.PassCode;
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
  @Inject FeaturesService features;
  @Inject ConfigurationAdmin configurations;
  @Inject BundleContext context;
  @Inject PassService passes;

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
    Accounts.ensure(Accounts.ADMIN, Set.of(Role.ADMIN), null, Set.of());
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
    Accounts.ensure("card-co-" + id, Set.of(Role.COMPANY_USER), id, Set.of());
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
    // the pickup is audited: which card was handed over, by which desk, to whom
    JsonNode pickups =
        admin
            .get("/audit?action=card.picked-up&entityId=" + pass + "-C1")
            .expect(200)
            .json()
            .path("items");
    assertEquals(pickups.toString(), 1, pickups.size());
    assertTrue(pickups.toString(), pickups.path(0).path("after").asText().contains("陳大文"));
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
    awaitDeskListed(desk, "SUO", "it-3");
    desk.post("/card-desks/SUO/it-3/run", "").problem(409, "device-missing");

    station("SUO", "it-3", "");
    awaitDevices(desk, "SUO", "it-3");

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
    // the printed card is in it-3's tray: another desk is neither offered the job nor may take it
    desk.get("/card-jobs/next?port=SUO&desk=it-other&max=100")
        .expect(200)
        .json()
        .forEach(offered -> assertNotEquals(id, offered.path("id").asLong()));
    desk.post("/card-jobs/" + id + "/steps", Map.of("desk", "it-other"))
        .problem(409, "card-at-other-desk");
    JsonNode verify =
        desk.post("/card-jobs/" + id + "/steps", Map.of("desk", "it-3")).expect(200).json();
    assertEquals("VERIFY", verify.path("step").asText());
    desk.post("/card-jobs/" + id + "/steps", Map.of("desk", "it-other")).problem(409, "job-busy");

    JsonNode resumed = run(desk, "SUO", "it-3");
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
    awaitDevices(desk, "HUN", "node-1");
    desk.post("/card-desks/HUN/node-1/run", "").problem(401, "unauthorized");
    connection(Accounts.PASSWORD);
    JsonNode job = runOnceSignedIn(desk, "HUN", "node-1");
    assertEquals("DONE", job.path("status").asText());
    assertEquals(pass, job.path("passNumber").asText());
    job.path("attempts").forEach(a -> assertEquals("node-1", a.path("desk").asText()));
    assertEquals("READY", lineStatus(line));
  }

  /**
   * A desk dies in the middle of a print and is really restarted (its bundle stopped and started).
   * The print may or may not have come out, so when the desk comes back the open attempt is closed
   * as INTERRUPTED, the card is voided and the job waits for the operator; after a retry the desk
   * makes a second card, and the pass never has two live ones.
   */
  @Test
  public void anInterruptedPrintVoidsItsCardWhenTheRestartedDeskComesBack() throws Exception {
    Api desk = desk("MZG");
    station("MZG", "crash-1", "");
    runner("MZG", "crash-1");
    String pass = awaitPass("MZG", approvedLine("MZG", List.of("MZG")));
    awaitDevices(desk, "MZG", "crash-1");
    long id =
        desk.get("/card-jobs?port=MZG&status=QUEUED")
            .expect(200)
            .json()
            .path("items")
            .path(0)
            .path("id")
            .asLong();
    JsonNode print =
        desk.post("/card-jobs/" + id + "/steps", Map.of("desk", "crash-1")).expect(200).json();
    assertEquals("PRINT", print.path("step").asText()); // ... and the desk goes down here

    Bundle desks = bundle("org.portpass.carddesk");
    desks.stop();
    desks.start();
    awaitDevices(desk, "MZG", "crash-1");
    JsonNode refused = run(desk, "MZG", "crash-1", 409).json();
    assertTrue(refused.toString(), refused.path("detail").asText().contains("PRINT"));
    JsonNode failed = desk.get("/card-jobs/" + id).expect(200).json();
    assertEquals("FAILED", failed.path("status").asText());
    assertEquals("PRINT", failed.path("failedStep").asText());
    assertEquals(pass + "-C1", failed.path("cards").path(0).path("serial").asText());
    assertEquals("VOID", failed.path("cards").path(0).path("status").asText());
    assertEquals(
        "PRINT INTERRUPTED",
        failed.path("attempts").path(0).path("step").asText()
            + " "
            + failed.path("attempts").path(0).path("outcome").asText());
    assertEquals(204, run(desk, "MZG", "crash-1", 204).status()); // it waits for the operator

    desk.post("/card-jobs/" + id + "/retry", "").expect(200);
    JsonNode done = run(desk, "MZG", "crash-1");
    assertEquals("DONE", done.path("status").asText());
    List<String> cards = new ArrayList<>();
    done.path("cards")
        .forEach(c -> cards.add(c.path("serial").asText() + " " + c.path("status").asText()));
    assertEquals(List.of(pass + "-C1 VOID", pass + "-C2 LIVE"), cards);
    List<String> steps = new ArrayList<>();
    done.path("attempts")
        .forEach(a -> steps.add(a.path("step").asText() + " " + a.path("outcome").asText()));
    assertEquals(List.of("PRINT INTERRUPTED", "PRINT OK", "VERIFY OK", "ENCODE OK"), steps);
    assertEquals(
        List.of(List.of("LIVE", "1"), List.of("VOID", "1")),
        Database.of(context)
            .rows(
                "SELECT status, COUNT(*) FROM card WHERE pass_number = ? GROUP BY status ORDER BY"
                    + " status",
                pass));
  }

  /**
   * Card intake catches up on issue events it missed: while card production is stopped, a pass is
   * issued and nobody hears of it, yet a job is queued as soon as card production starts; and a
   * pass whose job vanished while running (deleted in the database, as if the event never came) is
   * queued again by the periodic catch-up.
   */
  @Test
  public void cardIntakeCatchesUpOnMissedIssueEvents() throws Exception {
    Bundle production = bundle("org.portpass.card.impl");
    production.stop();
    long line;
    try {
      line = approvedLine("KHH", List.of("KHH")); // issued: the event finds no listener
    } finally {
      production.start();
    }
    admin.awaitHealthy();
    String pass = awaitPass("KHH", line);

    Database db = Database.of(context);
    assertEquals(1, db.update("DELETE FROM card_job WHERE pass_number = ?", pass));
    assertEquals(0, db.count("SELECT COUNT(*) FROM card_job WHERE pass_number = ?", pass));
    await(
        () -> {
          if (db.count("SELECT COUNT(*) FROM card_job WHERE pass_number = ?", pass) == 0) {
            throw new NotYet("no job for " + pass + " yet");
          }
          return null;
        },
        45_000); // the catch-up runs every 30 s
    assertEquals(
        List.of(List.of("QUEUED", "1")),
        db.rows("SELECT status, generation FROM card_job WHERE pass_number = ?", pass));
  }

  /**
   * A gate's answers for passes that are not (or no longer) valid: a pass whose first day has not
   * come, a correctly signed code of a card that was never made, and a pass whose last day has
   * passed (moved back in the database, as time would), first before and then after the expiry
   * sweep marks it EXPIRED.
   */
  @Test
  public void gatesRefuseExpiredNotYetValidAndUnknownPassesAndTheSweepExpiresThem()
      throws Exception {
    Api desk = desk("BUD");
    station("BUD", "gate-1", "");
    runner("BUD", "gate-1");
    LocalDate today = LocalDate.now(TAIPEI);
    String current = awaitPass("BUD", approvedLine("BUD", List.of("BUD"), today));
    String future = awaitPass("BUD", approvedLine("BUD", List.of("BUD"), today.plusDays(1)));
    Map<String, String> codes = new HashMap<>();
    for (int i = 0; i < 2; i++) {
      String pass = run(desk, "BUD", "gate-1").path("passNumber").asText();
      codes.put(pass, QrCodes.read(desk.get("/passes/" + pass + "/card.png").expect(200).bytes()));
      desk.post("/passes/" + pass + "/pickup", Map.of("collectedBy", "holder")).expect(200);
    }
    assertEquals(Set.of(current, future), codes.keySet());
    assertTrue(verify(codes.get(current), "BUD").path("valid").asBoolean());
    JsonNode early = verify(codes.get(future), "BUD");
    assertEquals(early.toString(), "not-yet-valid", early.path("reason").asText());

    // signed with the server's own key (from the database): only the card is unknown
    Database db = Database.of(context);
    List<String> key = db.rows("SELECT private_key, public_key FROM pass_code_key").get(0);
    KeyFactory ed25519 = KeyFactory.getInstance(PassCode.ALGORITHM);
    PrivateKey signing =
        ed25519.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.get(0))));
    PublicKey verifying =
        ed25519.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.get(1))));
    PassCode real = PassCode.verify(codes.get(current), verifying);
    assertTrue(
        "a re-signed copy of the real code verifies",
        verify(real.sign(signing), "BUD").path("valid").asBoolean());
    PassCode neverMade =
        new PassCode(
            real.passNumber(),
            real.passNumber() + "-C9",
            real.validFrom(),
            real.validTo(),
            real.accessPorts());
    assertEquals("unknown-pass", verify(neverMade.sign(signing), "BUD").path("reason").asText());
    PassCode noSuchPass =
        new PassCode(
            "XX-NO-SUCH", real.cardSerial(), real.validFrom(), real.validTo(), real.accessPorts());
    assertEquals("unknown-pass", verify(noSuchPass.sign(signing), "BUD").path("reason").asText());

    assertEquals(
        1,
        db.update(
            "UPDATE pass SET valid_from = ?, valid_to = ? WHERE pass_number = ?",
            java.sql.Date.valueOf(today.minusDays(30)),
            java.sql.Date.valueOf(today.minusDays(1)),
            current));
    JsonNode late = verify(codes.get(current), "BUD");
    assertEquals(late.toString(), "expired", late.path("reason").asText());

    assertTrue("passes expired by the sweep", passes.expire(today) >= 1);
    assertEquals(
        "EXPIRED", desk.get("/passes/" + current).expect(200).json().path("status").asText());
    assertEquals(
        "ACTIVE", desk.get("/passes/" + future).expect(200).json().path("status").asText());
    JsonNode swept = verify(codes.get(current), "BUD");
    assertEquals("status", swept.path("reason").asText());
    assertTrue(swept.toString(), swept.path("message").asText().contains("EXPIRED"));
    assertEquals(0, passes.expire(today)); // nothing left to expire
  }

  /**
   * The serial driver, as a desk node installs it ({@code feature:install portpass-device-serial}),
   * runs inside the server: three factory configurations make a printer, a scanner and an encoder
   * on serial ports (socat pseudo-terminals, with a small device at their far ends speaking
   * PROTOCOL.md), the desk lists them online, and a job runs through them to a live card whose chip
   * holds what was written.
   */
  @Test
  public void theSerialDriverMakesACardInsideTheServer() throws Exception {
    org.junit.Assume.assumeTrue("socat is not installed", socatInstalled());
    if (!features.isInstalled(features.getFeature("portpass-device-serial"))) {
      features.installFeature(
          "portpass-device-serial", EnumSet.of(FeaturesService.Option.NoAutoRefreshBundles));
    }
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("portpass-serial-it");
    List<Process> terminals = new ArrayList<>();
    List<org.osgi.service.cm.Configuration> devices = new ArrayList<>();
    java.util.concurrent.atomic.AtomicReference<String> tray =
        new java.util.concurrent.atomic.AtomicReference<>();
    java.util.concurrent.atomic.AtomicReference<String> chip =
        new java.util.concurrent.atomic.AtomicReference<>();
    String uid =
        "04" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    try {
      for (String kind : List.of("printer", "scanner", "encoder")) {
        java.nio.file.Path deskEnd = dir.resolve("tty-" + kind);
        java.nio.file.Path deviceEnd = dir.resolve("tty-" + kind + ".device");
        terminals.add(ptyPair(deskEnd, deviceEnd));
        serve(deviceEnd, kind, tray, chip, uid);
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("port", "KEL");
        p.put("desk", "serial-1");
        p.put("serialPort", deskEnd.toString());
        p.put("timeoutMillis", 10_000);
        org.osgi.service.cm.Configuration c =
            configurations.getFactoryConfiguration(
                "org.portpass.device.serial." + kind, "KEL.serial-1", "?");
        c.update(p);
        devices.add(c);
      }
      runner("KEL", "serial-1");
      Api desk = desk("KEL");
      String pass = awaitPass("KEL", approvedLine("KEL", List.of("KEL")));

      JsonNode status =
          await(
              () -> {
                JsonNode s = deskStatus(desk, "KEL", "serial-1");
                for (JsonNode d : s.path("devices")) {
                  if (!d.path("online").asBoolean()) {
                    throw new NotYet("devices of KEL/serial-1: " + s);
                  }
                }
                return s;
              });
      List<String> names = new ArrayList<>();
      status.path("devices").forEach(d -> names.add(d.path("name").asText()));
      assertEquals(
          status.toString(),
          List.of(
              "serial:" + dir.resolve("tty-printer"),
              "serial:" + dir.resolve("tty-scanner"),
              "serial:" + dir.resolve("tty-encoder")),
          names);

      JsonNode job = run(desk, "KEL", "serial-1");
      assertEquals(job.toString(), "DONE", job.path("status").asText());
      assertEquals(pass, job.path("passNumber").asText());
      List<String> steps = new ArrayList<>();
      job.path("attempts")
          .forEach(a -> steps.add(a.path("step").asText() + " " + a.path("outcome").asText()));
      assertEquals(List.of("PRINT OK", "VERIFY OK", "ENCODE OK"), steps);
      assertEquals("LIVE", job.path("cards").path(0).path("status").asText());
      // what went down the printer's serial line is the card the server keeps
      assertEquals(
          QrCodes.read(desk.get("/passes/" + pass + "/card.png").expect(200).bytes()), tray.get());
      assertTrue("the encoder was written to", chip.get() != null && !chip.get().isEmpty());
      assertEquals(
          List.of(List.of(uid)),
          Database.of(context).rows("SELECT chip_uid FROM card WHERE pass_number = ?", pass));
    } finally {
      for (org.osgi.service.cm.Configuration c : devices) {
        c.delete();
      }
      terminals.forEach(Process::destroyForcibly);
    }
  }

  private static boolean socatInstalled() {
    try {
      return new ProcessBuilder("socat", "-V").redirectErrorStream(true).start().waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  /** A pseudo-terminal pair made by socat, once both ends (their links) exist. */
  private static Process ptyPair(java.nio.file.Path deskEnd, java.nio.file.Path deviceEnd)
      throws Exception {
    Process socat =
        new ProcessBuilder(
                "socat",
                "-d",
                "-d",
                "pty,raw,echo=0,link=" + deskEnd,
                "pty,raw,echo=0,link=" + deviceEnd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    long deadline = System.currentTimeMillis() + 10_000;
    while (!(java.nio.file.Files.exists(deskEnd) && java.nio.file.Files.exists(deviceEnd))) {
      if (System.currentTimeMillis() > deadline || !socat.isAlive()) {
        socat.destroyForcibly();
        throw new AssertionError("socat made no terminals at " + deskEnd);
      }
      Thread.sleep(50);
    }
    return socat;
  }

  /**
   * The device at the far end of a serial line, after PROTOCOL.md: a printer that keeps the QR code
   * of the card it printed in its tray, a scanner that reads it from there, an encoder whose chip
   * keeps what was written. Runs until the terminal goes away.
   */
  private static void serve(
      java.nio.file.Path deviceEnd,
      String kind,
      java.util.concurrent.atomic.AtomicReference<String> tray,
      java.util.concurrent.atomic.AtomicReference<String> chip,
      String uid) {
    Thread device =
        new Thread(
            () -> {
              try (java.io.BufferedReader in =
                      new java.io.BufferedReader(
                          new java.io.InputStreamReader(
                              new java.io.FileInputStream(deviceEnd.toFile()),
                              java.nio.charset.StandardCharsets.US_ASCII),
                          1 << 16);
                  java.io.OutputStream out = new java.io.FileOutputStream(deviceEnd.toFile())) {
                for (String request = in.readLine(); request != null; request = in.readLine()) {
                  String[] words = request.strip().split(" ");
                  if (words.length < 2) {
                    continue;
                  }
                  String reply;
                  switch (words[1]) {
                    case "STATUS" -> reply = "OK " + kind + " at the far end of a socat terminal";
                    case "PRINT" -> {
                      tray.set(QrCodes.read(Base64.getDecoder().decode(words[3])));
                      reply = "OK";
                    }
                    case "SCAN" ->
                        reply =
                            "OK "
                                + Base64.getEncoder()
                                    .encodeToString(
                                        tray.get()
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    case "WRITE" -> {
                      chip.set(words[2]);
                      reply = "OK " + uid;
                    }
                    case "READ" -> reply = "OK " + uid + " " + chip.get();
                    default -> reply = "ERR DEVICE_ERROR unknown command " + words[1];
                  }
                  out.write(
                      (words[0] + " " + reply + "\n")
                          .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                  out.flush();
                }
              } catch (Exception e) {
                // the terminal was closed: the device is unplugged
              }
            },
            "serial-" + kind + "-device");
    device.setDaemon(true);
    device.start();
  }

  /**
   * Two desks race for one port's queue, and the holder's company and the pickup desk report the
   * same card lost at the same moment, round after round. The database itself (not a REST answer)
   * must never hold two live cards or two open jobs for a pass.
   */
  @Test
  public void racingDesksAndLossReportsNeverLeaveTwoLiveCardsOrTwoOpenJobs() throws Exception {
    Api desk = desk("ANP");
    Api otherDesk = desk("ANP"); // the same desk account, signed in a second time
    for (String name : List.of("race-1", "race-2")) {
      station("ANP", name, "");
      runner("ANP", name);
      awaitDevices(desk, "ANP", name);
    }
    List<String> passes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      passes.add(awaitPass("ANP", approvedLine("ANP", List.of("ANP"))));
    }
    int rounds = 4;
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      assertEquals(passes.size(), raceDesks(pool, desk, otherDesk));
      for (int round = 1; round < rounds; round++) {
        for (String pass : passes) {
          desk.post("/passes/" + pass + "/pickup", Map.of("collectedBy", "holder " + round))
              .expect(200);
          String reason = "lost in round " + round;
          List<Integer> answers =
              race(
                  pool,
                  () -> company.post("/passes/" + pass + "/lost", Map.of("reason", reason)),
                  () -> desk.post("/passes/" + pass + "/lost", Map.of("reason", reason)));
          assertEquals("two reports of one loss: " + pass, List.of(200, 409), answers);
          // the database's own guards hold the open job and the card being made: a race the
          // requests above happen not to hit would still be refused by the unique keys
          assertEquals(
              pass + ": the open job holds the one-open-job key",
              List.of(List.of(pass)),
              Database.of(context)
                  .rows(
                      "SELECT open_pass_number FROM card_job WHERE pass_number = ?"
                          + " AND status NOT IN ('DONE', 'CANCELLED')",
                      pass));
        }
        assertEquals(passes.size(), raceDesks(pool, desk, otherDesk));
      }
    } finally {
      pool.shutdownNow();
    }

    Database db = Database.of(context);
    String in = "('" + String.join("','", passes) + "')";
    assertEquals(
        "passes with two cards being made or live",
        List.of(),
        db.rows(
            "SELECT pass_number FROM card WHERE status IN ('LIVE', 'ISSUING') AND pass_number IN "
                + in
                + " GROUP BY pass_number HAVING COUNT(*) > 1"));
    assertEquals(
        "passes with two open jobs",
        List.of(),
        db.rows(
            "SELECT pass_number FROM card_job WHERE status NOT IN ('DONE', 'CANCELLED')"
                + " AND pass_number IN "
                + in
                + " GROUP BY pass_number HAVING COUNT(*) > 1"));
    for (String pass : passes) {
      assertEquals(
          pass + ": one job per round, all done",
          List.of(List.of(Integer.toString(rounds), "DONE")),
          db.rows(
              "SELECT COUNT(*), MIN(status) FROM card_job WHERE pass_number = ? GROUP BY status",
              pass));
      assertEquals(
          pass + ": the last card live, every earlier one void",
          List.of(List.of("LIVE", "1"), List.of("VOID", Integer.toString(rounds - 1))),
          db.rows(
              "SELECT status, COUNT(*) FROM card WHERE pass_number = ? GROUP BY status ORDER BY"
                  + " status",
              pass));
    }
  }

  /**
   * Both desks of ANP run jobs until the queue is empty, starting at the same moment. A desk that
   * loses a job to the other is refused with 409 (or, chosen as a deadlock victim, 503 with
   * Retry-After) and goes on; answers the number of cards made.
   */
  private int raceDesks(ExecutorService pool, Api desk, Api otherDesk) throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    List<Future<Integer>> made = new ArrayList<>();
    for (Map.Entry<String, Api> runner : Map.of("race-1", desk, "race-2", otherDesk).entrySet()) {
      made.add(
          pool.submit(
              () -> {
                start.await(30, TimeUnit.SECONDS);
                int cards = 0;
                for (int collisions = 0; collisions < 50; ) {
                  Api.Reply reply =
                      runner.getValue().post("/card-desks/ANP/" + runner.getKey() + "/run", "");
                  if (reply.status() == 204) {
                    return cards;
                  }
                  if (reply.status() == 409) {
                    collisions++; // the other desk took this job first
                    continue;
                  }
                  if (reply.status() == 503) {
                    // the database chose this desk's transaction as a deadlock victim: nothing of
                    // it was stored, and the answer says when to try again
                    reply.problem(503, "unavailable");
                    assertTrue(reply.header("Retry-After") != null);
                    collisions++;
                    continue;
                  }
                  JsonNode job = reply.expect(200).json();
                  assertEquals(job.toString(), "DONE", job.path("status").asText());
                  cards++;
                }
                throw new AssertionError("the desks kept colliding");
              }));
    }
    int cards = 0;
    for (Future<Integer> f : made) {
      cards += f.get(120, TimeUnit.SECONDS);
    }
    return cards;
  }

  /** Sends two requests at the same moment; answers their statuses in ascending order. */
  private static List<Integer> race(
      ExecutorService pool, Callable<Api.Reply> first, Callable<Api.Reply> second)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    List<Future<Api.Reply>> replies = new ArrayList<>();
    for (Callable<Api.Reply> request : List.of(first, second)) {
      replies.add(
          pool.submit(
              () -> {
                start.await(30, TimeUnit.SECONDS);
                return request.call();
              }));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Api.Reply> reply : replies) {
      Api.Reply r = reply.get(60, TimeUnit.SECONDS);
      assertTrue(new String(r.bytes()), r.status() < 500);
      statuses.add(r.status());
    }
    statuses.sort(Integer::compare);
    return statuses;
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
    Accounts.ensure(name, Set.of(Role.CARD_DESK), null, Set.of(port));
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
      throw new NotYet("no " + kind.getSimpleName() + " at " + port + "/" + desk);
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

  /** Runs the desk's next job once, after its desk and devices are up; it must answer a job. */
  private JsonNode run(Api desk, String port, String name) throws Exception {
    return run(desk, port, name, 200).json();
  }

  /** Runs the desk's next job once (a run is not idempotent: it is never repeated). */
  private Api.Reply run(Api desk, String port, String name, int expected) throws Exception {
    awaitDevices(desk, port, name);
    return desk.post("/card-desks/" + port + "/" + name + "/run", "").expect(expected);
  }

  /**
   * The desk node's new password reaches its connection asynchronously, and the desk is registered
   * anew with the new connection. Until then a run is refused before anything runs, at sign-in
   * (401) or because the desk is away for a moment (404): only those answers are tried again.
   */
  private JsonNode runOnceSignedIn(Api desk, String port, String name) {
    return await(
        () -> {
          Api.Reply reply = desk.post("/card-desks/" + port + "/" + name + "/run", "");
          if (reply.status() == 401) {
            throw new NotYet("the desk node still signs in with the old password");
          }
          if (reply.status() == 404
              && reply.problem(404, "not-found").toString().contains("desk")) {
            throw new NotYet("the desk is being registered with its new connection");
          }
          return reply.expect(200).json();
        });
  }

  /** Waits (reading GET /card-desks only) until the desk is listed. */
  private void awaitDeskListed(Api desk, String port, String name) {
    await(() -> deskStatus(desk, port, name));
  }

  /** Waits (reading GET /card-desks only) until the desk lists a printer, scanner and encoder. */
  private void awaitDevices(Api desk, String port, String name) {
    await(
        () -> {
          JsonNode status = deskStatus(desk, port, name);
          if (status.toString().contains("no driver registered")) {
            throw new NotYet("devices of " + port + "/" + name + ": " + status);
          }
          return status;
        });
  }

  private JsonNode deskStatus(Api desk, String port, String name) {
    for (JsonNode d : desk.get("/card-desks").expect(200).json()) {
      if (d.path("port").asText().equals(port) && d.path("desk").asText().equals(name)) {
        return d;
      }
    }
    throw new NotYet("desk " + port + "/" + name + " is not listed yet");
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
          throw new NotYet("line " + line + " not found");
        });
  }

  /**
   * A person's line from today, approved by every access port's three stages (as administrator).
   */
  private long approvedLine(String pickup, List<String> ports) {
    return approvedLine(pickup, ports, LocalDate.now(TAIPEI));
  }

  private long approvedLine(String pickup, List<String> ports, LocalDate validFrom) {
    Samples.Subject subject = Samples.personWithPhoto(company);
    long person = subject.id();
    List<Long> attachments = subject.attachmentIds();
    Map<String, Object> line = new HashMap<>();
    line.put("subjectKind", "PERSON");
    line.put("subjectId", person);
    line.put("validFrom", validFrom.toString());
    line.put("validTo", validFrom.plusDays(60).toString());
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
          throw new NotYet("no card job for line " + line + " at " + port);
        });
  }

  @FunctionalInterface
  private interface Attempt<T> {
    T get() throws Exception;
  }

  /** What an awaited read throws while the awaited state has not arrived yet. */
  private static final class NotYet extends RuntimeException {
    NotYet(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * Repeats an idempotent read for up to 30 s while it throws {@link NotYet} (configurations,
   * events and desks come up asynchronously). Anything else it throws, a failed assertion or an
   * unexpected status such as a 500, fails the test at once.
   */
  private static <T> T await(Attempt<T> attempt) {
    return await(attempt, 30_000);
  }

  private static <T> T await(Attempt<T> attempt, long millis) {
    long deadline = System.currentTimeMillis() + millis;
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
