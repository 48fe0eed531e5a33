package org.portpass.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
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
import org.portpass.auth.AccountService;
import org.portpass.core.Role;

/** Login, tokens, throttling, registration, MTNet, company isolation and the audit trail. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthIT {
  @Inject AccountService accounts;

  private final Api admin = Api.local();

  @Configuration
  public Option[] config() {
    return PortPassContainer.options();
  }

  @Before
  public void logInAsAdministrator() throws InterruptedException {
    admin.awaitHealthy();
    Accounts.ensure(accounts, Accounts.ADMIN, Set.of(Role.ADMIN), null, Set.of());
    admin.login(Accounts.ADMIN, Accounts.PASSWORD);
  }

  @Test
  public void requestsWithoutAValidTokenAreRefused() {
    Api anonymous = admin.anonymous();
    anonymous.get("/persons").problem(401, "unauthorized");
    anonymous.withToken("not-a-token").get("/persons").problem(401, "unauthorized");
    String token = admin.token();
    char last = token.charAt(token.length() - 2);
    String tampered =
        token.substring(0, token.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + token.charAt(token.length() - 1);
    anonymous.withToken(tampered).get("/persons").problem(401, "unauthorized");
    anonymous.get("/health").expect(200);
    anonymous.get("/openapi.json").expect(200);
  }

  @Test
  public void logoutRevokesTheToken() {
    Api session = admin.anonymous().login(Accounts.ADMIN, Accounts.PASSWORD);
    JsonNode me = session.get("/auth/me").expect(200).json();
    assertEquals(Accounts.ADMIN, me.path("username").asText());
    session.post("/auth/logout", "").expect(204);
    session.get("/auth/me").problem(401, "unauthorized");
    admin.get("/auth/me").expect(200); // other tokens of the same account still work
  }

  @Test
  public void repeatedFailuresAreThrottled() {
    String name = "throttled-" + UUID.randomUUID().toString().substring(0, 8);
    Accounts.ensure(accounts, name, Set.of(Role.CUSTOMER_SERVICE), null, Set.of());
    Api client = admin.anonymous();
    for (int i = 0; i < 5; i++) {
      client
          .post("/auth/login", Map.of("username", name, "password", "wrong-password-" + i))
          .problem(401, "unauthorized");
    }
    Api.Reply locked =
        client.post("/auth/login", Map.of("username", name, "password", Accounts.PASSWORD));
    locked.problem(429, "too-many-requests");
    assertNotNull(locked.header("Retry-After"));
    JsonNode failures =
        admin.get("/audit?action=auth.login.failed&entityId=" + name).expect(200).json();
    assertEquals(5, failures.path("total").asInt());
  }

  @Test
  public void aCompanyRegistersItsFirstAccount() {
    String taxId = Samples.taxId();
    String username = "reg-" + taxId;
    Map<String, Object> registration = new HashMap<>();
    registration.put("username", username);
    registration.put("password", "short");
    registration.put("displayName", "Registrar");
    registration.put("phone", "02-2222-3333");
    registration.put("companyTaxId", taxId);
    registration.put("companyName", "Newly Registered Ltd");
    Api anonymous = admin.anonymous();
    JsonNode weak = anonymous.post("/auth/register", registration).problem(400, "validation");
    assertEquals("password", weak.path("errors").path(0).path("field").asText());

    registration.put("password", "a-long-enough-password");
    JsonNode account = anonymous.post("/auth/register", registration).expect(201).json();
    assertEquals(List.of("COMPANY_ADMIN"), List.of(account.path("roles").path(0).asText()));
    long company = account.path("companyId").asLong();
    assertEquals(
        "PENDING", admin.get("/companies/" + company).expect(200).json().path("status").asText());

    registration.put("username", username + "-2");
    anonymous.post("/auth/register", registration).problem(409, "company-has-accounts");

    Api companyAdmin = admin.anonymous().login(username, "a-long-enough-password");
    assertEquals(
        company, companyAdmin.get("/auth/me").expect(200).json().path("companyId").asLong());
    JsonNode colleague =
        companyAdmin
            .post(
                "/accounts",
                Map.of(
                    "username",
                    username + "-clerk",
                    "password",
                    "clerk-password-1",
                    "roles",
                    List.of("COMPANY_USER")))
            .expect(201)
            .json();
    assertEquals(company, colleague.path("companyId").asLong());
    companyAdmin
        .post(
            "/accounts",
            Map.of(
                "username",
                username + "-boss",
                "password",
                "boss-password-1",
                "roles",
                List.of("ADMIN")))
        .problem(403, "forbidden");
    JsonNode refusedRole =
        companyAdmin
            .post(
                "/accounts",
                Map.of(
                    "username",
                    username + "-rev",
                    "password",
                    "rev-password-1",
                    "roles",
                    List.of("REVIEWER"),
                    "ports",
                    List.of("KEL")))
            .problem(403, "forbidden");
    // named in the answer, not a complaint about a companyId it never sent
    assertEquals(
        "only administrators grant the role REVIEWER", refusedRole.path("detail").asText());
  }

  @Test
  public void companiesSeeOnlyTheirOwnData() {
    long alpha = company("Isolation Alpha");
    long beta = company("Isolation Beta");
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    Accounts.ensure(accounts, "a-user-" + suffix, Set.of(Role.COMPANY_USER), alpha, Set.of());
    Accounts.ensure(accounts, "b-user-" + suffix, Set.of(Role.COMPANY_USER), beta, Set.of());
    Accounts.ensure(accounts, "kel-rev-" + suffix, Set.of(Role.REVIEWER), null, Set.of("KEL"));
    Api a = admin.anonymous().login("a-user-" + suffix, Accounts.PASSWORD);
    Api b = admin.anonymous().login("b-user-" + suffix, Accounts.PASSWORD);
    Api reviewer = admin.anonymous().login("kel-rev-" + suffix, Accounts.PASSWORD);

    JsonNode person =
        a.post("/persons", Map.of("identityNumber", Samples.nationalId(), "nameZh", "甲"))
            .expect(201)
            .json();
    assertEquals(alpha, person.path("companyId").asLong()); // filled in from the account
    long id = person.path("id").asLong();
    a.post(
            "/persons",
            Map.of("identityNumber", Samples.nationalId(), "nameZh", "乙", "companyId", beta))
        .problem(400, "validation");

    b.get("/persons/" + id).problem(404, "not-found");
    b.get("/persons/" + id + "/attachments").problem(404, "not-found");
    b.put("/persons/" + id, Map.of("nameZh", "偷", "version", 1)).problem(404, "not-found");
    assertEquals(0, b.get("/persons?companyId=" + alpha).expect(200).json().path("total").asInt());
    b.get("/companies/" + alpha).problem(404, "not-found");
    assertEquals(1, b.get("/companies").expect(200).json().path("total").asInt());

    a.post("/companies", Samples.company(Samples.taxId(), "Self Made")).problem(403, "forbidden");
    a.post("/companies/" + alpha + "/verify", "").problem(403, "forbidden");
    a.patch("/companies/" + alpha, Map.of("phone", "1", "version", 1)).problem(403, "forbidden");

    assertEquals(id, reviewer.get("/persons/" + id).expect(200).json().path("id").asLong());
    reviewer.put("/persons/" + id, Map.of("nameZh", "改", "version", 1)).problem(403, "forbidden");
    reviewer.get("/audit").problem(403, "forbidden");
    reviewer.get("/accounts").problem(403, "forbidden");
  }

  @Test
  public void mtnetLoginAsksForMissingDataThenLogsIn() {
    Api anonymous = admin.anonymous();
    String subject = "mtnet-" + UUID.randomUUID();
    String first = MtnetIssuer.assertion(subject);
    JsonNode incomplete =
        anonymous.post("/auth/external/mtnet", Map.of("assertion", first)).expect(200).json();
    assertTrue(incomplete.path("token").isNull());
    assertTrue(incomplete.path("missing").toString().contains("companyTaxId"));
    String completion = incomplete.path("completionToken").asText();
    assertFalse(completion.isBlank());

    anonymous
        .post("/auth/external/mtnet", Map.of("assertion", first))
        .problem(401, "unauthorized"); // replay

    String taxId = Samples.taxId();
    Map<String, Object> data = new HashMap<>();
    data.put("completionToken", completion);
    data.put("username", "mtnet-" + taxId);
    data.put("displayName", "Via MTNet");
    data.put("phone", "07-000-1111");
    data.put("companyTaxId", taxId);
    data.put("companyName", "MTNet Shipping");
    JsonNode done = anonymous.post("/auth/external/complete", data).expect(200).json();
    assertFalse(done.path("token").asText().isBlank());
    assertTrue(done.path("account").path("mtnetLinked").asBoolean());

    JsonNode again =
        anonymous
            .post("/auth/external/mtnet", Map.of("assertion", MtnetIssuer.assertion(subject)))
            .expect(200)
            .json();
    assertFalse(again.path("token").asText().isBlank());
    assertEquals("mtnet-" + taxId, again.path("account").path("username").asText());

    Instant past = Instant.now().minus(Duration.ofMinutes(10));
    JsonNode expired =
        anonymous
            .post(
                "/auth/external/mtnet",
                Map.of(
                    "assertion",
                    MtnetIssuer.assertion(
                        subject, PortPassContainer.MTNET_AUDIENCE, past, MtnetIssuer.key())))
            .problem(401, "unauthorized");
    assertEquals("assertion expired", expired.path("detail").asText());
    Instant soon = Instant.now().plus(Duration.ofMinutes(5));
    JsonNode audience =
        anonymous
            .post(
                "/auth/external/mtnet",
                Map.of(
                    "assertion",
                    MtnetIssuer.assertion(subject, "someone-else", soon, MtnetIssuer.key())))
            .problem(401, "unauthorized");
    assertEquals("assertion audience is not valid", audience.path("detail").asText());
    JsonNode forged =
        anonymous
            .post(
                "/auth/external/mtnet",
                Map.of(
                    "assertion",
                    MtnetIssuer.assertion(
                        subject, PortPassContainer.MTNET_AUDIENCE, soon, MtnetIssuer.otherKey())))
            .problem(401, "unauthorized");
    assertEquals("assertion signature is not valid", forged.path("detail").asText());
  }

  @Test
  public void everyChangeIsAudited() {
    Api.Reply created =
        admin.send(
            HttpRequest.newBuilder(admin.uri("/companies"))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", "audit-check-1")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"taxId\":\"" + Samples.taxId() + "\",\"name\":\"Audited Co\"}")));
    long id = created.expect(201).json().path("id").asLong();
    admin.post("/companies/" + id + "/verify", "").expect(200);
    JsonNode events = admin.get("/audit?entityType=company&entityId=" + id).expect(200).json();
    assertEquals(2, events.path("total").asInt());
    JsonNode create = events.path("items").path(1);
    assertEquals("company.create", create.path("action").asText());
    assertEquals(Accounts.ADMIN, create.path("actor").asText());
    assertEquals("ADMIN", create.path("roles").asText());
    assertEquals("audit-check-1", create.path("requestId").asText());
    assertEquals("127.0.0.1", create.path("clientAddress").asText());
    assertTrue(create.path("after").asText().contains("Audited Co"));
    assertEquals("company.verify", events.path("items").path(0).path("action").asText());
    admin.delete("/audit").problem(405, "http-405");
    admin.post("/audit", "{}").problem(405, "http-405");
  }

  private long company(String name) {
    return admin
        .post("/companies", Samples.company(Samples.taxId(), name))
        .expect(201)
        .json()
        .path("id")
        .asLong();
  }
}
