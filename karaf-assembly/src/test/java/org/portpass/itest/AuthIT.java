package org.portpass.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
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
import org.osgi.framework.BundleContext;
import org.portpass.core.Role;

/** Login, tokens, throttling, registration, MTNet, company isolation and the audit trail. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthIT {
  @Inject BundleContext context;

  private final Api admin = Api.local();

  @Configuration
  public Option[] config() {
    return PortPassContainer.options();
  }

  @Before
  public void logInAsAdministrator() throws InterruptedException {
    admin.awaitHealthy();
    Accounts.ensure(Accounts.ADMIN, Set.of(Role.ADMIN), null, Set.of());
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

  /**
   * Tokens are checked for more than a good signature. A token forged with the server's own key
   * (read from the database) is first shown to be accepted when its claims are right, so each
   * refusal below is for the one thing that differs: expiry, type, issuer, or an algorithm that is
   * not the server's ES256 (alg "none", HS256 keyed with the public key).
   */
  @Test
  public void tokensOfTheWrongKindAgeOrAlgorithmAreRefused() throws Exception {
    List<String> key =
        Database.of(context)
            .rows(
                "SELECT private_key, public_key FROM signing_key WHERE key_id = 'portpass-es256-1'")
            .get(0);
    KeyFactory ec = KeyFactory.getInstance("EC");
    ECPrivateKey privateKey =
        (ECPrivateKey)
            ec.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(key.get(0))));
    byte[] publicKey = Base64.getDecoder().decode(key.get(1));
    JWTClaimsSet real = SignedJWT.parse(admin.token()).getJWTClaimsSet();
    Date later = Date.from(Instant.now().plus(Duration.ofMinutes(10)));
    Api anonymous = admin.anonymous();

    String good = es256(privateKey, new JWTClaimsSet.Builder(real).expirationTime(later).build());
    assertEquals(
        Accounts.ADMIN,
        anonymous.withToken(good).get("/auth/me").expect(200).json().path("username").asText());

    String expired =
        es256(
            privateKey,
            new JWTClaimsSet.Builder(real)
                .expirationTime(Date.from(Instant.now().minusSeconds(5)))
                .build());
    assertEquals(
        "the token has expired; log in again",
        anonymous
            .withToken(expired)
            .get("/auth/me")
            .problem(401, "unauthorized")
            .path("detail")
            .asText());
    String completionType =
        es256(
            privateKey,
            new JWTClaimsSet.Builder(real)
                .expirationTime(later)
                .claim("typ", "completion")
                .build());
    anonymous.withToken(completionType).get("/auth/me").problem(401, "unauthorized");
    String noType =
        es256(
            privateKey,
            new JWTClaimsSet.Builder(real).expirationTime(later).claim("typ", null).build());
    anonymous.withToken(noType).get("/auth/me").problem(401, "unauthorized");
    String otherIssuer =
        es256(
            privateKey,
            new JWTClaimsSet.Builder(real).expirationTime(later).issuer("mtnet").build());
    anonymous.withToken(otherIssuer).get("/auth/me").problem(401, "unauthorized");

    JWTClaimsSet valid = new JWTClaimsSet.Builder(real).expirationTime(later).build();
    String none = new PlainJWT(valid).serialize();
    anonymous.withToken(none).get("/auth/me").problem(401, "unauthorized");
    String unsignedEs256 = // header claims ES256, no signature at all
        good.substring(0, good.lastIndexOf('.') + 1);
    anonymous.withToken(unsignedEs256).get("/auth/me").problem(401, "unauthorized");
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), valid);
    hmac.sign(new MACSigner(publicKey));
    anonymous.withToken(hmac.serialize()).get("/auth/me").problem(401, "unauthorized");
    SignedJWT hmacOfText = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), valid);
    hmacOfText.sign(new MACSigner(key.get(1).getBytes(StandardCharsets.US_ASCII)));
    anonymous.withToken(hmacOfText.serialize()).get("/auth/me").problem(401, "unauthorized");

    // a completion token of an unfinished MTNet login is no access token either
    String completion =
        anonymous
            .post(
                "/auth/external/mtnet",
                Map.of("assertion", MtnetIssuer.assertion("typ-" + UUID.randomUUID())))
            .expect(200)
            .json()
            .path("completionToken")
            .asText();
    anonymous.withToken(completion).get("/auth/me").problem(401, "unauthorized");
  }

  private static String es256(ECPrivateKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("portpass-es256-1").build(), claims);
    jwt.sign(new ECDSASigner(key));
    return jwt.serialize();
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
    Accounts.ensure(name, Set.of(Role.CUSTOMER_SERVICE), null, Set.of());
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
    Accounts.ensure("a-user-" + suffix, Set.of(Role.COMPANY_USER), alpha, Set.of());
    Accounts.ensure("b-user-" + suffix, Set.of(Role.COMPANY_USER), beta, Set.of());
    Accounts.ensure("kel-rev-" + suffix, Set.of(Role.REVIEWER), null, Set.of("KEL"));
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
                    MtnetIssuer.assertion(subject, MtnetIssuer.AUDIENCE, past, MtnetIssuer.key())))
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
                        subject, MtnetIssuer.AUDIENCE, soon, MtnetIssuer.otherKey())))
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

  /**
   * Each kind of change the README says is audited leaves an event naming who did it, to what, and
   * (where a state changed) the state before and after: accounts, logins and failed logins,
   * password changes, transfers, MTNet links, submissions and review decisions. Card steps and
   * pickups are checked in {@link CardProductionIT}.
   */
  @Test
  public void accountsLoginsTransfersLinksSubmissionsAndDecisionsAreAudited() throws Exception {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long company = company("Audit Trail Co");
    admin.post("/companies/" + company + "/verify", "").expect(200);
    long other = company("Audit Trail Other");

    String name = "audited-" + suffix;
    long account =
        admin
            .post(
                "/accounts",
                Map.of(
                    "username",
                    name,
                    "password",
                    "audited-password-1",
                    "displayName",
                    "Audited",
                    "phone",
                    "02-1111-2222",
                    "roles",
                    List.of("COMPANY_ADMIN"),
                    "companyId",
                    company))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    String etag = admin.get("/accounts/" + account).expect(200).header("ETag");
    admin
        .send(
            HttpRequest.newBuilder(admin.uri("/accounts/" + account))
                .header("Content-Type", "application/json")
                .header("If-Match", etag)
                .method(
                    "PATCH", HttpRequest.BodyPublishers.ofString("{\"roles\":[\"COMPANY_USER\"]}")))
        .expect(200);
    admin.post("/accounts/" + account + "/password", Map.of("password", "reset-password-12"));
    Api user = admin.anonymous().login(name, "reset-password-12");
    user.post(
        "/auth/password",
        Map.of("currentPassword", "reset-password-12", "newPassword", "changed-password-3"));
    admin
        .anonymous()
        .post("/auth/login", Map.of("username", name, "password", "not-the-password"))
        .problem(401, "unauthorized");
    user = admin.anonymous().login(name, "changed-password-3");

    List<JsonNode> ofAccount = events("account", name);
    expectEvent(ofAccount, "account.create", Accounts.ADMIN, null, "COMPANY_ADMIN");
    expectEvent(ofAccount, "account.update", Accounts.ADMIN, "COMPANY_ADMIN", "COMPANY_USER");
    expectEvent(ofAccount, "account.password.reset", Accounts.ADMIN, null, null);
    expectEvent(ofAccount, "account.password.change", name, null, null);
    List<String> logins = new java.util.ArrayList<>();
    for (JsonNode e :
        admin.get("/audit?entityId=" + name + "&size=500").expect(200).json().path("items")) {
      logins.add(e.path("action").asText());
    }
    assertTrue(logins.toString(), logins.contains("auth.login"));
    assertTrue(logins.toString(), logins.contains("auth.login.failed"));

    // a transfer names both companies
    long person =
        user.post("/persons", Map.of("identityNumber", Samples.nationalId(), "nameZh", "審計"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    admin
        .post(
            "/persons/" + person + "/transfer",
            Map.of(
                "companyId",
                other,
                "version",
                admin.get("/persons/" + person).expect(200).json().path("version").asLong()))
        .expect(200);
    JsonNode transfer =
        expectEvent(
            events("person", Long.toString(person)), "person.transfer", Accounts.ADMIN, null, null);
    assertTrue(transfer.toString(), transfer.toString().contains(Long.toString(company)));
    assertTrue(transfer.toString(), transfer.toString().contains(Long.toString(other)));

    // an MTNet identity linked to this account
    String completion =
        admin
            .anonymous()
            .post(
                "/auth/external/mtnet",
                Map.of("assertion", MtnetIssuer.assertion("audit-" + suffix)))
            .expect(200)
            .json()
            .path("completionToken")
            .asText();
    admin
        .anonymous()
        .post(
            "/auth/external/complete",
            Map.of(
                "completionToken", completion, "username", name, "password", "changed-password-3"))
        .expect(200);
    expectEvent(events("account", name), "auth.external.link", null, null, "mtnet");

    // a submission and a decision on its line
    long worker =
        user.post("/persons", Map.of("identityNumber", Samples.nationalId(), "nameZh", "工"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    long photo =
        user.send(
                HttpRequest.newBuilder(user.uri("/persons/" + worker + "/attachments?type=PHOTO"))
                    .header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.png())))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    Map<String, Object> line = new HashMap<>();
    line.put("subjectKind", "PERSON");
    line.put("subjectId", worker);
    line.put("validFrom", java.time.LocalDate.now().plusDays(1).toString());
    line.put("validTo", java.time.LocalDate.now().plusDays(30).toString());
    line.put("attachmentIds", List.of(photo));
    Map<String, Object> form = new HashMap<>();
    form.put("passType", "LONG_TERM");
    form.put("accessPorts", List.of("KEL"));
    form.put("pickupPort", "KEL");
    form.put("purpose", "audit");
    form.put("lines", List.of(line));
    long formId = user.post("/forms", form).expect(201).json().path("id").asLong();
    long lineId =
        user.send(
                HttpRequest.newBuilder(user.uri("/forms/" + formId + "/submit"))
                    .header("Idempotency-Key", "audit-" + formId)
                    .POST(HttpRequest.BodyPublishers.noBody()))
            .expect(200)
            .json()
            .path("lines")
            .path(0)
            .path("id")
            .asLong();
    expectEvent(events("form", Long.toString(formId)), "form.submit", name, null, "AF");
    admin
        .post("/reviews/KEL/REVIEW/lines/" + lineId, Map.of("decision", "APPROVE", "revision", 0))
        .expect(200);
    expectEvent(
        events("line", Long.toString(lineId)), "line.approve", Accounts.ADMIN, "REVIEW", "POLICE");
  }

  /** The audit events of one entity, newest first. */
  private List<JsonNode> events(String type, String id) {
    List<JsonNode> events = new java.util.ArrayList<>();
    admin
        .get("/audit?entityType=" + type + "&entityId=" + id + "&size=500")
        .expect(200)
        .json()
        .path("items")
        .forEach(events::add);
    return events;
  }

  /**
   * The event of this action, by this actor (unless null), whose before and after contain the given
   * texts (unless null).
   */
  private static JsonNode expectEvent(
      List<JsonNode> events, String action, String actor, String before, String after) {
    for (JsonNode e : events) {
      if (e.path("action").asText().equals(action)
          && (actor == null || actor.equals(e.path("actor").asText()))
          && (before == null || e.path("before").asText().contains(before))
          && (after == null || e.path("after").asText().contains(after))) {
        assertFalse(e.toString(), e.path("at").asText().isBlank());
        return e;
      }
    }
    throw new AssertionError(
        "no "
            + action
            + " event by "
            + actor
            + " (before ~ "
            + before
            + ", after ~ "
            + after
            + ") in "
            + events);
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
