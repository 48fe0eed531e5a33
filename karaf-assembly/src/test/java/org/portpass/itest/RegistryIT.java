package org.portpass.itest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
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
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.portpass.core.Role;

/**
 * The registry end to end: the real assembly, its database (Derby, or PostgreSQL when run with
 * -Dportpass.database=postgresql) and real HTTP calls.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RegistryIT {
  @Inject BundleContext context;
  @Inject SessionFactory sessions;

  private final Api api = Api.local();

  @Configuration
  public Option[] config() {
    return PortPassContainer.options();
  }

  @Before
  public void logInAsAdministrator() throws InterruptedException {
    api.awaitHealthy();
    Accounts.ensure(Accounts.ADMIN, Set.of(Role.ADMIN), null, Set.of());
    api.login(Accounts.ADMIN, Accounts.PASSWORD);
  }

  @Test
  public void everyBundleIsActive() throws InterruptedException {
    // a bundle being refreshed (Pax Exam installs its own features after the boot) is RESOLVED
    // for a moment: wait for that, but not for a bundle that failed to start
    List<String> notActive = notActive();
    for (int i = 0; i < 60 && !notActive.isEmpty(); i++) {
      Thread.sleep(1000);
      notActive = notActive();
    }
    assertEquals(List.of(), notActive);
  }

  private List<String> notActive() {
    List<String> notActive = new ArrayList<>();
    for (Bundle bundle : context.getBundles()) {
      boolean fragment = bundle.getHeaders().get("Fragment-Host") != null;
      if (bundle.getState() != Bundle.ACTIVE
          && !(fragment && bundle.getState() == Bundle.RESOLVED)) {
        notActive.add(bundle.getSymbolicName() + " " + bundle.getState());
      }
    }
    return notActive;
  }

  @Test
  public void healthReportsTheDatabase() {
    JsonNode health = api.get("/health").expect(200).json();
    assertEquals("UP", health.path("status").asText());
    String expected =
        System.getProperty("portpass.it.database").equals("postgresql") ? "PostgreSQL" : "Derby";
    assertTrue(
        health.toString(), health.path("database").path("product").asText().contains(expected));
    assertTrue(health.path("database").path("appliedChangesets").asInt() >= 4);
    assertTrue(health.path("capabilities").toString().contains("registry"));
  }

  @Test
  public void openApiDescribesEveryEndpoint() {
    JsonNode doc = api.get("/openapi.json").expect(200).json();
    assertEquals("/api/v1", doc.path("servers").path(0).path("url").asText());
    JsonNode paths = doc.path("paths");
    for (String path :
        List.of(
            "/health",
            "/openapi.json",
            "/companies",
            "/companies/{id}",
            "/companies/{id}/verify",
            "/persons",
            "/persons/{id}",
            "/persons/{id}/transfer",
            "/persons/{id}/employments",
            "/vehicles",
            "/vehicles/{id}",
            "/companies/{id}/attachments",
            "/persons/{id}/attachments",
            "/vehicles/{id}/attachments/{attachmentId}/content")) {
      assertTrue("OpenAPI lacks " + path, paths.has(path));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      path.getValue()
          .fields()
          .forEachRemaining(
              op ->
                  assertFalse(
                      op.getKey() + " " + path.getKey() + " has no summary",
                      op.getValue().path("summary").asText().isBlank()));
    }
  }

  @Test
  public void customerServiceCreatesAndVerifiesCompanies() {
    String taxId = Samples.taxId();
    Api.Reply created =
        api.post("/companies", Samples.company(taxId, "Harbour Trucking")).expect(201);
    JsonNode company = created.json();
    assertTrue(created.header("Location").endsWith("/companies/" + company.path("id").asLong()));
    assertEquals("PENDING", company.path("status").asText());
    assertEquals("\"1\"", created.header("ETag"));
    long id = company.path("id").asLong();

    api.post("/companies", Samples.company(taxId, "Copycat")).problem(409, "duplicate");
    JsonNode invalid =
        api.post("/companies", Samples.company("12345678", "Bad Tax")).problem(400, "validation");
    assertEquals("taxId", invalid.path("errors").path(0).path("field").asText());

    Api.Reply read = api.get("/companies/" + id).expect(200);
    assertEquals("\"1\"", read.header("ETag"));
    JsonNode byTaxId = api.get("/companies?taxId=" + taxId).expect(200).json();
    assertEquals(1, byTaxId.path("total").asInt());
    assertEquals(id, byTaxId.path("items").path(0).path("id").asLong());

    Map<String, Object> change = new HashMap<>(Map.of("phone", "02-8765-4321", "version", 1));
    JsonNode changed = api.patch("/companies/" + id, change).expect(200).json();
    assertEquals("02-8765-4321", changed.path("phone").asText());
    assertEquals(2, changed.path("version").asInt());
    api.patch("/companies/" + id, change).problem(409, "stale-version");
    api.send(
            HttpRequest.newBuilder(api.uri("/companies/" + id))
                .header("Content-Type", "application/json")
                .header("If-Match", "\"2\"")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"address\":\"Keelung\"}")))
        .expect(200);

    JsonNode verified = api.post("/companies/" + id + "/verify", "").expect(200).json();
    assertEquals("VERIFIED", verified.path("status").asText());
    JsonNode list = api.get("/companies?q=harbour&size=5").expect(200).json();
    assertTrue(list.path("total").asInt() >= 1);
    assertEquals(5, list.path("size").asInt());
  }

  @Test
  public void personsAreKeptByIdentityNumber() {
    long company = newCompany("Person Holder");
    String id = Samples.nationalId();
    Map<String, Object> person = new HashMap<>();
    person.put("identityNumber", " " + id.toLowerCase() + " ");
    person.put("nameZh", "陳小華");
    person.put("nameEn", "Chen Hsiao-hua");
    person.put("birthDate", "1985-03-04");
    person.put("companyId", company);
    JsonNode created = api.post("/persons", person).expect(201).json();
    assertEquals(id, created.path("identityNumber").asText());
    assertEquals("NATIONAL_ID", created.path("identityKind").asText());
    long personId = created.path("id").asLong();

    api.post("/persons", person).problem(409, "duplicate");
    person.put("identityNumber", id.substring(0, 9) + ((id.charAt(9) - '0' + 1) % 10));
    JsonNode bad = api.post("/persons", person).problem(400, "validation");
    assertEquals("identityNumber", bad.path("errors").path(0).path("field").asText());

    Map<String, Object> passport =
        Map.of(
            "identityKind",
            "PASSPORT",
            "identityNumber",
            "X" + id.substring(1),
            "nationality",
            "jpn",
            "nameEn",
            "Sato Hana",
            "companyId",
            company);
    JsonNode foreign = api.post("/persons", passport).expect(201).json();
    assertEquals("JPN", foreign.path("nationality").asText());

    assertEquals(
        personId,
        api.get("/persons?identityNumber=" + id.toLowerCase())
            .expect(200)
            .json()
            .path("items")
            .path(0)
            .path("id")
            .asLong());
    JsonNode byNumber = api.get("/persons?identityNumber=" + id).expect(200).json();
    assertEquals(1, byNumber.path("total").asInt());
    // typed in full-width letters and digits, as a Chinese input method writes them
    StringBuilder fullWidth = new StringBuilder();
    id.chars().forEach(c -> fullWidth.appendCodePoint(c + 0xFEE0));
    JsonNode byFullWidth =
        api.get(
                "/persons?identityNumber="
                    + java.net.URLEncoder.encode(
                        fullWidth.toString(), java.nio.charset.StandardCharsets.UTF_8))
            .expect(200)
            .json();
    assertEquals(
        byFullWidth.toString(), personId, byFullWidth.path("items").path(0).path("id").asLong());
    JsonNode byName = api.get("/persons?name=hsiao&companyId=" + company).expect(200).json();
    assertEquals(1, byName.path("total").asInt());

    Map<String, Object> update = new HashMap<>(person);
    update.put("identityNumber", id);
    update.put("phone", "0912-000-111");
    update.put("version", 1);
    JsonNode updated = api.put("/persons/" + personId, update).expect(200).json();
    assertEquals("0912-000-111", updated.path("phone").asText());
    api.put("/persons/" + personId, update).problem(409, "stale-version");

    api.delete("/persons/" + personId + "?version=1").problem(409, "stale-version");
    api.delete("/persons/" + personId + "?version=2").expect(204);
    api.get("/persons/" + personId).problem(404, "not-found");
  }

  @Test
  public void transferKeepsDataAndAttachmentsAndRecordsHistory() {
    long from = newCompany("Old Employer");
    long to = newCompany("New Employer");
    JsonNode person =
        api.post(
                "/persons",
                Map.of("identityNumber", Samples.nationalId(), "nameZh", "李大仁", "companyId", from))
            .expect(201)
            .json();
    long id = person.path("id").asLong();
    JsonNode photo =
        upload(
                "/persons/" + id + "/attachments?type=PHOTO&fileName=me.png",
                "image/png",
                Samples.png())
            .expect(201)
            .json();
    upload(
            "/persons/" + id + "/attachments?type=ID_COPY&fileName=id.pdf",
            "application/pdf",
            Samples.pdf())
        .expect(201);

    JsonNode moved =
        api.post("/persons/" + id + "/transfer", Map.of("companyId", to, "version", 1))
            .expect(200)
            .json();
    assertEquals(to, moved.path("companyId").asLong());
    assertEquals("李大仁", moved.path("nameZh").asText());

    JsonNode attachments = api.get("/persons/" + id + "/attachments").expect(200).json();
    assertEquals(2, attachments.size());
    assertEquals(photo.path("sha256").asText(), attachments.path(0).path("sha256").asText());
    assertArrayEquals(
        Samples.png(),
        api.get("/persons/" + id + "/attachments/" + photo.path("id").asLong() + "/content")
            .expect(200)
            .bytes());

    JsonNode history = api.get("/persons/" + id + "/employments").expect(200).json();
    assertEquals(2, history.size());
    assertEquals(from, history.path(0).path("companyId").asLong());
    assertFalse(history.path(0).path("endedAt").isNull());
    assertEquals(to, history.path(1).path("companyId").asLong());
    assertTrue(history.path(1).path("endedAt").isNull());
  }

  @Test
  public void vehiclesAreKeptByNormalisedPlate() {
    long company = newCompany("Fleet Owner");
    String plate =
        "Q"
            + (char) ('A' + (int) (System.nanoTime() % 26))
            + "-"
            + String.format("%04d", (int) (System.nanoTime() % 10000));
    String sloppy = plate.toLowerCase().replace("-", " ");
    JsonNode vehicle =
        api.post(
                "/vehicles",
                Map.of(
                    "plateNumber", sloppy, "type", "TRUCK", "make", "Isuzu", "companyId", company))
            .expect(201)
            .json();
    assertEquals(plate, vehicle.path("plateNumber").asText());
    assertNotNull(vehicle.path("companyTaxId").asText());
    assertEquals(8, vehicle.path("companyTaxId").asText().length());
    api.post(
            "/vehicles",
            Map.of("plateNumber", plate.replace("-", ""), "type", "VAN", "companyId", company))
        .problem(409, "duplicate");
    api.post("/vehicles", Map.of("plateNumber", "??", "type", "VAN", "companyId", company))
        .problem(400, "validation");
    api.post(
            "/vehicles",
            Map.of("plateNumber", "ZZ-9999", "type", "SPACESHIP", "companyId", company))
        .problem(400, "validation");

    long id = vehicle.path("id").asLong();
    assertEquals(
        id,
        api.get("/vehicles?plateNumber=" + sloppy.replace(" ", ""))
            .expect(200)
            .json()
            .path("items")
            .path(0)
            .path("id")
            .asLong());
    long other = newCompany("Fleet Buyer");
    JsonNode moved =
        api.post("/vehicles/" + id + "/transfer", Map.of("companyId", other, "version", 1))
            .expect(200)
            .json();
    assertEquals(other, moved.path("companyId").asLong());
    assertEquals(
        1, api.get("/vehicles?companyId=" + other).expect(200).json().path("total").asInt());
    api.delete("/vehicles/" + id + "?version=2").expect(204);
  }

  @Test
  public void attachmentsAreCheckedFromTheirBytes() {
    long company = newCompany("Paperwork Ltd");
    String base = "/companies/" + company + "/attachments";
    upload(base + "?type=COMPANY_REGISTRATION", "application/pdf", Samples.png())
        .problem(400, "validation");
    upload(
            base + "?type=OTHER",
            "image/png",
            "MZ this is an executable".getBytes(StandardCharsets.US_ASCII))
        .problem(400, "validation");
    upload(base + "?type=OTHER", "application/octet-stream", new byte[0])
        .problem(400, "validation");
    upload(base + "?type=PHOTO", "application/pdf", Samples.pdf()).problem(400, "validation");
    upload(base + "?type=NOPE", "image/png", Samples.png()).problem(400, "validation");
    upload(base + "?type=OTHER", "text/plain", "hello".getBytes(StandardCharsets.US_ASCII))
        .problem(415, "http-415");
    byte[] huge = new byte[6 * 1024 * 1024];
    System.arraycopy(Samples.pdf(), 0, huge, 0, Samples.pdf().length);
    upload(base + "?type=OTHER", "application/pdf", huge).problem(413, "too-large");

    JsonNode stored =
        upload(
                base + "?type=COMPANY_REGISTRATION&fileName=..%2F..%2Fetc%2Fpasswd",
                "application/octet-stream",
                Samples.pdf())
            .expect(201)
            .json();
    assertEquals("passwd", stored.path("fileName").asText());
    assertEquals("application/pdf", stored.path("contentType").asText());
    assertEquals(64, stored.path("sha256").asText().length());
    long attachment = stored.path("id").asLong();

    Api.Reply download = api.get(base + "/" + attachment + "/content").expect(200);
    assertArrayEquals(Samples.pdf(), download.bytes());
    assertEquals("application/pdf", download.header("Content-Type"));
    assertTrue(download.header("Content-Disposition").startsWith("attachment;"));

    long elsewhere = newCompany("Snooper");
    api.get("/companies/" + elsewhere + "/attachments/" + attachment + "/content")
        .problem(404, "not-found");
    api.get(base + "/..%2F..%2Fetc%2Fpasswd/content").problem(404, "http-404");
    api.delete(base + "/" + attachment).expect(204);
    api.get(base + "/" + attachment).problem(404, "not-found");
  }

  @Test
  public void badInputGetsClearProblems() {
    api.post("/persons", "{\"identityNumber\": ").problem(400, "validation");
    JsonNode wrongType =
        api.post("/persons", "{\"identityNumber\": [1,2]}").problem(400, "validation");
    assertEquals("identityNumber", wrongType.path("errors").path(0).path("field").asText());
    JsonNode unknown =
        api.post("/companies", "{\"taxId\":\"12345675\",\"name\":\"x\",\"owner\":\"me\"}")
            .problem(400, "validation");
    assertEquals("owner", unknown.path("errors").path(0).path("field").asText());
    api.post("/companies", "null").problem(400, "validation");
    api.get("/persons?page=abc").problem(400, "validation");
    api.get("/persons?size=100000").problem(400, "validation");
    api.get("/persons/abc").problem(404, "http-404");
    api.get("/no/such/thing").problem(404, "http-404");
    api.delete("/companies").problem(405, "http-405");
    JsonNode missing = api.post("/companies", "{}").problem(400, "validation");
    assertEquals(2, missing.path("errors").size());
    String longName = "名".repeat(300);
    api.post("/companies", Samples.company(Samples.taxId(), longName)).problem(400, "validation");
    api.post("/companies", Samples.company(Samples.taxId(), "bad\u0000name"))
        .problem(400, "validation");
    Api.Reply reply = api.get("/persons/999999999");
    reply.problem(404, "not-found");
    assertEquals("nosniff", reply.header("X-Content-Type-Options"));
    assertNotNull(reply.header("X-Request-Id"));
    assertNotEquals(-1, reply.json().path("detail").asText().indexOf("999999999"));
  }

  @Test
  public void shellCommandsServeAdministrators() throws Exception {
    assertTrue(shell("portpass:db-status").contains("UP"));
    String taxId = Samples.taxId();
    assertTrue(
        shell("portpass:company-create --phone 02-1111-2222 " + taxId + " ShellCo")
            .contains("Created company"));
    assertTrue(shell("portpass:company-list -q ShellCo").contains(taxId));
    assertTrue(shell("portpass:company-create 12345678 Broken").contains("Error: taxId"));
    long company =
        api.get("/companies?taxId=" + taxId)
            .expect(200)
            .json()
            .path("items")
            .path(0)
            .path("id")
            .asLong();
    assertTrue(shell("portpass:company-verify " + company).contains("VERIFIED"));
    String id = Samples.nationalId();
    api.post(
            "/persons",
            Map.of("identityNumber", id, "nameEn", "Shell Person", "companyId", company))
        .expect(201);
    String found = shell("portpass:person-find " + id);
    assertTrue(found, found.contains("Shell Person") && found.contains("ShellCo"));
    api.post(
            "/vehicles",
            Map.of("plateNumber", "SH-" + id.substring(6), "type", "CAR", "companyId", company))
        .expect(201);
    assertTrue(shell("portpass:vehicle-list " + company).contains("SH-" + id.substring(6)));
  }

  private long newCompany(String name) {
    return api.post("/companies", Samples.company(Samples.taxId(), name))
        .expect(201)
        .json()
        .path("id")
        .asLong();
  }

  private Api.Reply upload(String path, String contentType, byte[] bytes) {
    return api.send(
        HttpRequest.newBuilder(api.uri(path))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
  }

  /**
   * Every answer carries the security headers the README lists, not only nosniff: a JSON read, a
   * problem, a refusal before authentication, and a downloaded attachment (cached privately at
   * most).
   */
  @Test
  public void everyAnswerCarriesTheSecurityHeaders() {
    long company =
        api.post("/companies", Samples.company(Samples.taxId(), "Headers Co"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    long attachment =
        api.send(
                HttpRequest.newBuilder(api.uri("/companies/" + company + "/attachments?type=OTHER"))
                    .header("Content-Type", "application/pdf")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.pdf())))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    Map<String, Api.Reply> replies = new java.util.LinkedHashMap<>();
    replies.put("a read", api.get("/companies/" + company).expect(200));
    replies.put("a problem", api.get("/persons/999999999").expect(404));
    replies.put("an unauthenticated call", api.anonymous().get("/persons").expect(401));
    replies.put(
        "a download",
        api.get("/companies/" + company + "/attachments/" + attachment + "/content").expect(200));
    for (Map.Entry<String, Api.Reply> e : replies.entrySet()) {
      Api.Reply reply = e.getValue();
      String what = e.getKey();
      assertEquals(what, "nosniff", reply.header("X-Content-Type-Options"));
      assertEquals(what, "DENY", reply.header("X-Frame-Options"));
      assertEquals(what, "no-referrer", reply.header("Referrer-Policy"));
      assertEquals(
          what,
          "default-src 'none'; frame-ancestors 'none'",
          reply.header("Content-Security-Policy"));
      assertEquals(what, "same-origin", reply.header("Cross-Origin-Resource-Policy"));
      assertNotNull(what, reply.header("X-Request-Id"));
      assertTrue(
          what + ": Cache-Control " + reply.header("Cache-Control"),
          String.valueOf(reply.header("Cache-Control")).contains("no-store"));
    }
  }

  /** The shell commands of accounts, audit, forms, limits, rules and card production answer. */
  @Test
  public void theOtherCapabilitiesShellCommandsAnswer() throws Exception {
    String taxId = Samples.taxId();
    shell("portpass:company-create --phone 02-1111-2222 " + taxId + " AuditedShellCo");
    assertTrue(shell("portpass:account-list").contains(" accounts"));
    String audit = shell("portpass:audit");
    assertTrue(audit, audit.contains(" events") && audit.contains("company.create"));
    String limits = shell("portpass:limit-show");
    assertTrue(limits, limits.contains("submissionsPerCompanyPerDay"));
    String rules = shell("portpass:rule-list");
    assertTrue(rules, rules.contains(" rules"));
    String desks = shell("portpass:card-desks");
    assertTrue(desks, desks.contains(" desks"));
    String code = shell("portpass:pass-verify PP1.abc.def KEL");
    assertTrue(code, code.contains("INVALID (signature)"));
    String forms = shell("portpass:form-list");
    assertTrue(forms, !forms.contains("Error"));
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
}
