package org.portpass.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.inject.Inject;
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
 * The pass after it is issued: a seizure (查扣) by the police with its violation, which bans the
 * holder (管制) until a day the next submission names; a company's revocation (註銷) of its own pass,
 * which a person moving to another company needs before the new company applies; violation types as
 * data, per port.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LifecycleIT {
  // the server's services may take minutes to come up on a loaded machine
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
  }

  @Test
  public void aSeizureWithdrawsThePassAndBansTheHolderUntilTheDayTheNextSubmissionNames() {
    Api company = company("Seized Co");
    Api police = staff("lc-kel-police", Role.POLICE, "KEL");
    Samples.Subject wang = Samples.personWithPhoto(company);
    String pass = approvedPass(company, wang);
    LocalDate today = LocalDate.now(TAIPEI);

    // the police of another port may not seize here; nothing is recorded
    staff("lc-khh-police", Role.POLICE, "KHH")
        .post("/violations", seizure("LENDING", "KEL", pass))
        .problem(403, "forbidden");
    assertEquals(0, police.get(violationsOf(wang)).expect(200).json().size());

    JsonNode violation =
        police.post("/violations", seizure("LENDING", "KEL", pass)).expect(201).json();
    String bannedUntil = today.plusMonths(6).minusDays(1).toString();
    assertEquals(bannedUntil, violation.path("bannedUntil").asText());
    assertEquals(wang.id(), violation.path("subjectId").asLong());
    assertEquals("PERSON", violation.path("subjectKind").asText());
    JsonNode seized = company.get("/passes/" + pass).expect(200).json();
    assertEquals("SEIZED", seized.path("status").asText());
    assertTrue(seized.toString(), seized.path("statusReason").asText().contains("violation"));
    police.post("/violations", seizure("LENDING", "KEL", pass)).problem(409, "pass-status");

    // the company, the reviewers and the police see the history; another company does not
    assertEquals(1, company.get(violationsOf(wang)).expect(200).json().size());
    assertEquals(
        1, staff("lc-kel-reviewer", Role.REVIEWER, "KEL").get(violationsOf(wang)).json().size());
    assertEquals(0, company("Other Co").get(violationsOf(wang)).expect(200).json().size());
    JsonNode standing =
        company
            .get("/violations/standing?subjectKind=PERSON&subjectId=" + wang.id())
            .expect(200)
            .json();
    assertEquals(bannedUntil, standing.path("bannedUntil").asText());
    assertTrue(standing.path("singleVisitAllowed").asBoolean());

    // the next submission for the holder is refused with the ban's end, in the caller's language
    long form = draft(company, wang, "KHH");
    JsonNode refused = submit(company, form).problem(400, "validation");
    JsonNode error = refused.path("errors").path(0);
    assertEquals("lines/0/subjectId", error.path("field").asText());
    assertTrue(error.toString(), error.path("message").asText().contains(bannedUntil));
    assertEquals("DRAFT", company.get("/forms/" + form).expect(200).json().path("status").asText());

    // the seizure and the violation are audited
    String audit = admin.get("/audit?entityId=" + pass).expect(200).json().toString();
    assertTrue(audit, audit.contains("pass.seized"));
  }

  @Test
  public void aPersonMovingToAnotherCompanyNeedsTheFormerCompanyToRevokeThePassFirst() {
    Api former = company("Former Co");
    Api next = company("Next Co");
    Samples.Subject lin = Samples.personWithPhoto(former);
    String pass = approvedPass(former, lin);
    long nextId = next.get("/auth/me").expect(200).json().path("companyId").asLong();
    long version = admin.get("/persons/" + lin.id()).expect(200).json().path("version").asLong();
    admin
        .post("/persons/" + lin.id() + "/transfer", Map.of("companyId", nextId, "version", version))
        .expect(200);

    long form = draft(next, lin, "KHH");
    JsonNode refused = submit(next, form).problem(400, "validation");
    String errors = refused.path("errors").toString();
    assertTrue(errors, errors.contains(pass));
    assertTrue(errors, errors.contains("/passes/" + pass + "/revoke"));

    // the new company cannot revoke the former's pass; the former can, with a reason
    next.post("/passes/" + pass + "/revoke", Map.of("reason", "left us")).expect(404);
    former.post("/passes/" + pass + "/revoke", Map.of("reason", "")).problem(400, "validation");
    JsonNode revoked =
        former
            .post("/passes/" + pass + "/revoke", Map.of("reason", "the person left"))
            .expect(200)
            .json();
    assertEquals("REVOKED", revoked.path("status").asText());
    assertEquals("by its company: the person left", revoked.path("statusReason").asText());

    submit(next, form).expect(200);
  }

  @Test
  public void violationTypesAreDataThatAPortRedefinesForItself() {
    JsonNode defaults = admin.get("/violation-types").expect(200).json();
    assertEquals(defaults.toString(), 9, defaults.size());
    Map<String, Object> shorter =
        Map.of(
            "nameEn",
            "Overstaying (Taichung)",
            "nameZhTw",
            "逾越通行區域或時間（臺中港）",
            "banMonths",
            2,
            "singleVisitAllowed",
            false);
    Api police = staff("lc-txg-police", Role.POLICE, "TXG");
    police.put("/violation-types/OVERSTAY?port=TXG", shorter).problem(403, "forbidden");
    assertEquals(
        1, overstay(admin.get("/violation-types?port=TXG").json()).path("banMonths").asInt());

    admin.put("/violation-types/overstay?port=txg", shorter).expect(200);
    JsonNode atTaichung = overstay(admin.get("/violation-types?port=TXG").expect(200).json());
    assertEquals("TXG", atTaichung.path("port").asText());
    assertEquals(2, atTaichung.path("banMonths").asInt());
    assertEquals(
        1, overstay(admin.get("/violation-types?port=KEL").json()).path("banMonths").asInt());

    Api company = company("Taichung Co");
    Samples.Subject chen = Samples.personWithPhoto(company);
    Map<String, Object> seen = new HashMap<>();
    seen.put("subjectKind", "PERSON");
    seen.put("subjectId", chen.id());
    seen.put("type", "OVERSTAY");
    seen.put("occurredOn", LocalDate.now(TAIPEI).toString());
    seen.put("port", "TXG");
    JsonNode v = police.post("/violations", seen).expect(201).json();
    assertEquals(
        LocalDate.now(TAIPEI).plusMonths(2).minusDays(1).toString(),
        v.path("bannedUntil").asText());
    assertTrue(!v.path("singleVisitAllowed").asBoolean());

    admin
        .put("/violation-types/OVERSTAY?port=TXG", Map.of("nameEn", "x"))
        .problem(400, "validation");
    seen.put("type", "NO_SUCH");
    police.post("/violations", seen).problem(400, "validation");
  }

  private static JsonNode overstay(JsonNode types) {
    for (JsonNode t : types) {
      if (t.path("code").asText().equals("OVERSTAY")) {
        return t;
      }
    }
    throw new AssertionError("no OVERSTAY in " + types);
  }

  private static String violationsOf(Samples.Subject s) {
    return "/violations?subjectKind=PERSON&subjectId=" + s.id();
  }

  private static Map<String, Object> seizure(String type, String port, String pass) {
    return Map.of(
        "type",
        type,
        "occurredOn",
        LocalDate.now(TAIPEI).toString(),
        "port",
        port,
        "seizedPass",
        pass,
        "note",
        "lent to a driver at gate 2");
  }

  /** A one-line long-term form for KEL, submitted and approved at every stage: its pass number. */
  private String approvedPass(Api company, Samples.Subject subject) {
    long form = draft(company, subject, "KEL");
    long line = submit(company, form).expect(200).json().path("lines").path(0).path("id").asLong();
    for (String stage : List.of("REVIEW", "POLICE", "SUPERVISOR")) {
      admin
          .post(
              "/reviews/KEL/" + stage + "/lines/" + line,
              Map.of("decision", "APPROVE", "revision", 0))
          .expect(200);
    }
    JsonNode approved = company.get("/forms/" + form).expect(200).json().path("lines").path(0);
    String pass = approved.path("passNumber").asText();
    assertTrue(approved.toString(), !pass.isEmpty());
    return pass;
  }

  private static long draft(Api company, Samples.Subject subject, String port) {
    Map<String, Object> line = new HashMap<>();
    line.put("subjectKind", "PERSON");
    line.put("subjectId", subject.id());
    line.put("validFrom", LocalDate.now(TAIPEI).toString());
    line.put("validTo", LocalDate.now(TAIPEI).plusDays(60).toString());
    line.put("attachmentIds", subject.attachmentIds());
    Map<String, Object> body = new HashMap<>();
    body.put("passType", "LONG_TERM");
    body.put("accessPorts", List.of(port));
    body.put("pickupPort", port);
    body.put("purpose", "lifecycle test");
    body.put("lines", List.of(line));
    return company.post("/forms", body).expect(201).json().path("id").asLong();
  }

  private static Api.Reply submit(Api company, long form) {
    return company.send(
        HttpRequest.newBuilder(company.uri("/forms/" + form + "/submit"))
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  private Api company(String name) {
    return Accounts.company(admin, "lc-co", name);
  }

  private Api staff(String name, Role role, String port) {
    return Accounts.staff(admin, name, role, port);
  }
}
