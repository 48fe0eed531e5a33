package org.portpass.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
import org.portpass.auth.NewAccount;
import org.portpass.card.CardDesk;
import org.portpass.card.CardJob;
import org.portpass.core.Role;

/**
 * Who may do what, over real HTTP: every operation of the OpenAPI document, for every kind of
 * caller, on records of the caller's own company and of another company, against the outcome the
 * rules in {@link #rules()} expect. The rules follow what the services enforce (registry {@code
 * Access}, {@code AccountServiceImpl}, {@code AuditLogImpl}, {@code ApplicationServiceImpl}, {@code
 * ReviewServiceImpl}, {@code PassServiceImpl}, card production's {@code CardAccess}, the card REST
 * resources). An operation of the OpenAPI document without a rule fails the test, so a new endpoint
 * cannot ship before someone decides who may use it; a rule for an operation that no longer exists
 * fails it too.
 *
 * <p>Fixtures live in company A; the {@code B_*} actors belong to company B and must find A's
 * records absent (404), never forbidden (403), so their existence does not leak. A 403 that an
 * actor gets for its role alone, whatever record it names (a transfer, a form written by a port
 * account), leaks nothing and is expected as such. Every write works on a record made for that one
 * request, so one actor's delete cannot break the next; where the outcome depends on the record's
 * state (a decision on a line, a cancellation), every actor gets a line of its own in that state.
 *
 * <p>The port roles act for KEL. Application forms of company A go to KEL (or, to show that port
 * staff see only their own ports, to KHH); their lines are of persons with a photo, so they can be
 * submitted.
 *
 * <p>Passes are made as a port would make them: lines of company A approved through REVIEW, POLICE
 * and SUPERVISOR by the administrator, then their cards produced over REST as a desk does it
 * (print, verify with the QR code read from the printed face, encode), then picked up. Each request
 * that changes a pass or a card job gets a pass of its own in the state it needs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class AuthorizationMatrixIT {

  /** The class of answer a caller gets. */
  enum Outcome {
    /** 2xx. */
    ALLOWED,
    /**
     * 400 {@code validation}: past authorization but refused by an input rule that is about who the
     * caller is ("you can register records for your own company only", "your account does not
     * belong to a company"). Used only where the service answers so on purpose; see the cell.
     */
    REFUSED,
    /** 401 {@code unauthorized}. */
    UNAUTHENTICATED,
    /** 403 {@code forbidden}. */
    FORBIDDEN,
    /** 404 {@code not-found}: the record of another company looks absent. */
    HIDDEN
  }

  /** Who calls. A_* act for company A (which owns the fixtures), B_* for company B. */
  enum Actor {
    ANONYMOUS(null, false),
    ADMIN(Role.ADMIN, false),
    CUSTOMER_SERVICE(Role.CUSTOMER_SERVICE, false),
    A_ADMIN(Role.COMPANY_ADMIN, false),
    A_USER(Role.COMPANY_USER, false),
    B_ADMIN(Role.COMPANY_ADMIN, true),
    B_USER(Role.COMPANY_USER, true),
    REVIEWER(Role.REVIEWER, false),
    POLICE(Role.POLICE, false),
    SUPERVISOR(Role.SUPERVISOR, false),
    CARD_DESK(Role.CARD_DESK, false);

    final Role role;
    final boolean otherCompany;

    Actor(Role role, boolean otherCompany) {
      this.role = role;
      this.otherCompany = otherCompany;
    }

    boolean isStaff() {
      return this == ADMIN || this == CUSTOMER_SERVICE;
    }
  }

  private static final Outcome OK = Outcome.ALLOWED;
  private static final Outcome NO = Outcome.FORBIDDEN;
  private static final Outcome HID = Outcome.HIDDEN;
  private static final Outcome ANON = Outcome.UNAUTHENTICATED;
  private static final Outcome BAD = Outcome.REFUSED;
  private static final Map<String, Outcome> CELLS =
      Map.of("OK", OK, "NO", NO, "HID", HID, "ANON", ANON, "BAD", BAD);
  private static final List<String> PROFILE_COLUMNS =
      List.of(
          "profile", "anon", "admin", "cs", "aAdm", "aUsr", "bAdm", "bUsr", "rev", "pol", "sup",
          "desk");

  /**
   * Who gets what: one row per profile, one column per actor (anonymous, ADMIN, CUSTOMER_SERVICE,
   * company A's admin and user, company B's admin and user, KEL's REVIEWER, POLICE, SUPERVISOR and
   * CARD_DESK). OK 2xx, BAD 400, ANON 401, NO 403, HID 404. Each profile's rule is written on its
   * constant below.
   */
  private static final String PROFILES =
      """
      profile              anon  admin cs    aAdm  aUsr  bAdm  bUsr  rev   pol   sup   desk
      PUBLIC               OK    OK    OK    OK    OK    OK    OK    OK    OK    OK    OK
      SIGNED_IN            ANON  OK    OK    OK    OK    OK    OK    OK    OK    OK    OK
      STAFF                ANON  OK    OK    NO    NO    NO    NO    NO    NO    NO    NO
      READ_A               ANON  OK    OK    OK    OK    HID   HID   OK    OK    OK    OK
      WRITE_A              ANON  OK    OK    OK    OK    HID   HID   NO    NO    NO    NO
      COMPANY_ADMIN_A      ANON  OK    OK    OK    NO    HID   HID   NO    NO    NO    NO
      CREATE_FOR_A         ANON  OK    OK    OK    OK    BAD   BAD   NO    NO    NO    NO
      TRANSFER_A           ANON  OK    OK    NO    NO    NO    NO    NO    NO    NO    NO
      FORM_LIST            ANON  OK    OK    OK    OK    OK    OK    NO    NO    NO    NO
      FORM_CREATE          ANON  NO    NO    OK    OK    OK    OK    NO    NO    NO    NO
      FORM_WRITE_A         ANON  NO    NO    OK    OK    HID   HID   NO    NO    NO    NO
      NOT_FOR_PORT_A       ANON  OK    OK    OK    OK    HID   HID   HID   HID   HID   HID
      CARD_DESK_KEL        ANON  OK    NO    NO    NO    NO    NO    NO    NO    NO    OK
      CARD_DESK_KHH        ANON  OK    NO    NO    NO    NO    NO    NO    NO    NO    NO
      PICKUP_DESK_A        ANON  OK    NO    NO    NO    HID   HID   NO    NO    NO    OK
      PASS_AUTHORITY_A     ANON  OK    NO    NO    NO    HID   HID   NO    OK    OK    NO
      PASS_AUTHORITY_KHH_A ANON  OK    NO    NO    NO    HID   HID   HID   HID   HID   HID
      REVOKE_A             ANON  OK    NO    OK    OK    HID   HID   NO    OK    OK    NO
      VIOLATION_AT_KEL     ANON  OK    NO    NO    NO    NO    NO    NO    OK    OK    NO
      ADMIN_ONLY           ANON  OK    NO    NO    NO    NO    NO    NO    NO    NO    NO
      LOST_A               ANON  OK    OK    OK    OK    HID   HID   NO    NO    NO    OK
      ACCOUNT_MANAGERS     ANON  OK    OK    OK    NO    OK    NO    NO    NO    NO    NO
      ACCOUNT_OF_A         ANON  OK    OK    OK    HID   HID   HID   HID   HID   HID   HID
      ACCOUNT_FOR_A        ANON  OK    OK    OK    NO    NO    NO    NO    NO    NO    NO
      OWN_ACCOUNT_CHANGE   ANON  OK    NO    OK    NO    OK    NO    NO    NO    NO    NO
      GATE_STAFF           ANON  OK    NO    NO    NO    NO    NO    OK    OK    OK    OK
      GATE_KHH             ANON  OK    NO    NO    NO    NO    NO    NO    NO    NO    NO
      GATE_REPORT_KEL      ANON  OK    NO    NO    NO    NO    NO    NO    OK    NO    NO
      """;

  private static final Map<Actor, Outcome> PUBLIC = profile("PUBLIC");
  private static final Map<Actor, Outcome> SIGNED_IN = profile("SIGNED_IN");
  private static final Map<Actor, Outcome> STAFF = profile("STAFF");

  /** Access.requireRead: the owner company, staff and port staff; other companies see nothing. */
  private static final Map<Actor, Outcome> READ_A = profile("READ_A");

  /** Access.requireWrite: the owner company's accounts and staff; port staff may only read. */
  private static final Map<Actor, Outcome> WRITE_A = profile("WRITE_A");

  /** Access.requireCompanyAdmin: company-wide settings and company attachments. */
  private static final Map<Actor, Outcome> COMPANY_ADMIN_A = profile("COMPANY_ADMIN_A");

  /**
   * Owners.companyFor: new persons and vehicles for company A. Another company's accounts are told
   * "your own company only" (400 validation, naming the field); port staff may not register any.
   */
  private static final Map<Actor, Outcome> CREATE_FOR_A = profile("CREATE_FOR_A");

  /**
   * Moving a person or vehicle of company A into another company: customer service's job. Anyone
   * else is refused for the role before the record is looked up, so company B learns nothing.
   */
  private static final Map<Actor, Outcome> TRANSFER_A = profile("TRANSFER_A");

  /** ApplicationServiceImpl.listForms: staff see all forms, company accounts their company's. */
  private static final Map<Actor, Outcome> FORM_LIST = profile("FORM_LIST");

  /** ApplicationServiceImpl.saveDraft: every company account drafts forms for its own company. */
  private static final Map<Actor, Outcome> FORM_CREATE = profile("FORM_CREATE");

  /**
   * ApplicationServiceImpl.requireCompanyWriter, then writable/line: company A's forms and lines
   * are written by A's accounts only; without a company role 403, another company's 404.
   */
  private static final Map<Actor, Outcome> FORM_WRITE_A = profile("FORM_WRITE_A");

  /**
   * ApplicationServiceImpl.readable and ReviewServiceImpl.mayRead for a record port staff may not
   * see: a draft (not yet sent to any port), or one sent to another port than theirs (KHH).
   */
  private static final Map<Actor, Outcome> NOT_FOR_PORT_A = profile("NOT_FOR_PORT_A");

  /**
   * CardAccess.requireDesk: card production at KEL is for the administrator and KEL's card desk;
   * anyone else is refused for the role, before a job is looked up.
   */
  private static final Map<Actor, Outcome> CARD_DESK_KEL = profile("CARD_DESK_KEL");

  /** Card production at another port (KHH): KEL's card desk is refused there too. */
  private static final Map<Actor, Outcome> CARD_DESK_KHH = profile("CARD_DESK_KHH");

  /**
   * What only the pickup port's card desk does with a pass of company A picked up at KEL: hand its
   * card over, get its card face (which carries the signed pass code gates accept). Whoever may
   * read the pass is refused for the role; company B finds no such pass.
   */
  private static final Map<Actor, Outcome> PICKUP_DESK_A = profile("PICKUP_DESK_A");

  /**
   * PassServiceImpl.requireAuthority: suspending, reinstating and revoking a pass of company A at
   * KEL is for the harbor police and supervisors of its ports (and the administrator).
   */
  private static final Map<Actor, Outcome> PASS_AUTHORITY_A = profile("PASS_AUTHORITY_A");

  /**
   * PassChanges.revoke: a pass of company A at KEL is revoked (註銷) by company A's own accounts (the
   * person left), or by the port authority: KEL's police and supervisors, the administrator.
   */
  private static final Map<Actor, Outcome> REVOKE_A = profile("REVOKE_A");

  /** SanctionServiceImpl.record: a violation at KEL is recorded by KEL's police and supervisors. */
  private static final Map<Actor, Outcome> VIOLATION_AT_KEL = profile("VIOLATION_AT_KEL");

  /** What only administrators do (SanctionServiceImpl.defineType). */
  private static final Map<Actor, Outcome> ADMIN_ONLY = profile("ADMIN_ONLY");

  /** The same for a pass of company A at KHH: KEL's port staff do not see it at all. */
  private static final Map<Actor, Outcome> PASS_AUTHORITY_KHH_A = profile("PASS_AUTHORITY_KHH_A");

  /**
   * CardOperations.reportLost: the holder's company (and the staff who act for companies) or the
   * pickup port's card desk; other port staff read the pass but may not void its card.
   */
  private static final Map<Actor, Outcome> LOST_A = profile("LOST_A");

  /** AccountServiceImpl.list: administrators, customer service, company administrators. */
  private static final Map<Actor, Outcome> ACCOUNT_MANAGERS = profile("ACCOUNT_MANAGERS");

  /** An account of company A that is not the caller's: its managers; others see nothing. */
  private static final Map<Actor, Outcome> ACCOUNT_OF_A = profile("ACCOUNT_OF_A");

  /** A new company-A account: administrators, customer service, A's company administrator. */
  private static final Map<Actor, Outcome> ACCOUNT_FOR_A = profile("ACCOUNT_FOR_A");

  /** Changing one's own account: only those who may manage accounts with one's own roles. */
  private static final Map<Actor, Outcome> OWN_ACCOUNT_CHANGE = profile("OWN_ACCOUNT_CHANGE");

  /**
   * Revocations.requireReader and GatePassages.find: the revocation list and a port's gate passage
   * records are for administrators and port staff (card desks, the harbor police at the gates,
   * reviewers, supervisors); customer service and companies are refused.
   */
  private static final Map<Actor, Outcome> GATE_STAFF = profile("GATE_STAFF");

  /** The gate passage records of another port (KHH): KEL's port staff are refused. */
  private static final Map<Actor, Outcome> GATE_KHH = profile("GATE_KHH");

  /** GatePassages.record: a gate at KEL reports as KEL's harbor police (or an administrator). */
  private static final Map<Actor, Outcome> GATE_REPORT_KEL = profile("GATE_REPORT_KEL");

  /**
   * Cells where the server answers differently from the rule today: real bugs, reported to the
   * lead. They are not written into the rules; each one makes the test fail until it is fixed (and
   * a fixed one must be removed from here). Key: "METHOD path [variant] ACTOR".
   */
  static final Map<String, String> KNOWN_ISSUES = Map.of();

  /**
   * Tables a refused request may change: the login throttle's failures and locks, spent MTNet
   * assertions and revoked tokens belong to signing in, not to the operation refused.
   */
  private static final Set<String> NOT_FINGERPRINTED =
      Set.of("login_failure", "login_lock", "used_assertion", "revoked_token");

  @Inject BundleContext context;

  private final Api admin = Api.local();

  private static Fixtures fixtures;

  @Configuration
  public Option[] config() {
    return PortPassContainer.options();
  }

  @Before
  public void setUp() throws InterruptedException {
    admin.awaitHealthy();
    Accounts.ensure(Accounts.ADMIN, Set.of(Role.ADMIN), null, Set.of());
    admin.login(Accounts.ADMIN, Accounts.PASSWORD);
    if (fixtures == null) {
      fixtures = new Fixtures();
    }
  }

  @Test
  public void everyOperationHasARule() {
    Set<String> operations = operations();
    Set<String> ruled = new TreeSet<>();
    for (Rule rule : rules()) {
      ruled.add(rule.operation());
    }
    Set<String> missing = new TreeSet<>(operations);
    missing.removeAll(ruled);
    Set<String> stale = new TreeSet<>(ruled);
    stale.removeAll(operations);
    assertEquals(
        "OpenAPI operations without an authorization rule in AuthorizationMatrixIT.rules()",
        Set.of(),
        missing);
    assertEquals("rules for operations the OpenAPI document no longer has", Set.of(), stale);
  }

  @Test
  public void everyActorGetsTheAnswerTheRulesExpect() {
    Map<String, List<Rule>> byOperation = new TreeMap<>();
    for (Rule rule : rules()) {
      byOperation.computeIfAbsent(rule.operation(), k -> new ArrayList<>()).add(rule);
    }
    List<String> wrong = new ArrayList<>();
    Map<String, String> knownSeen = new TreeMap<>();
    Set<String> knownNotSeen = new TreeSet<>(KNOWN_ISSUES.keySet());
    int cases = 0;
    int refusedWrites = 0;
    Database database = Database.of(context);
    // a write that succeeded may still queue card jobs after it; and the record a call was just
    // given (a suspended pass, a failed job whose card was voided) is still being listed on the
    // revocation list, on a thread of its own: so every refused write waits for both first
    for (String operation : operations()) {
      for (Rule rule : byOperation.getOrDefault(operation, List.of())) {
        for (Actor actor : Actor.values()) {
          cases++;
          Outcome expected = rule.expected().get(actor);
          Call call = rule.call().apply(actor);
          // a refused write must leave the database as it was, not only answer the right status
          Map<String, String> before = null;
          if (expected != Outcome.ALLOWED && !call.method().equals("GET")) {
            database.awaitCardIntake(); // what an earlier cell or the fixture did, not this one
            before = database.fingerprint(NOT_FINGERPRINTED);
          }
          Api.Reply reply = send(actor, call);
          String observed = rule.judgesLines() ? classifyPerLine(reply) : classify(reply);
          String cell = rule.label() + " " + actor;
          String body = new String(reply.bytes(), StandardCharsets.UTF_8);
          boolean matches = observed.equals(expected.name());
          if (before != null) {
            refusedWrites++;
            List<String> changed =
                Database.differences(before, database.fingerprint(NOT_FINGERPRINTED));
            if (!changed.isEmpty()) {
              matches = false;
              observed = observed + " but the database changed: " + changed;
            }
          }
          if (matches && expected == Outcome.ALLOWED && actor.otherCompany && rule.checksLeaks()) {
            String leak = fixtures.leakIn(body);
            if (leak != null) {
              matches = false;
              observed = "ALLOWED but shows company A's " + leak;
            }
          }
          if (KNOWN_ISSUES.containsKey(cell)) {
            if (!matches) {
              knownSeen.put(
                  cell, observed + " (expected " + expected + "): " + KNOWN_ISSUES.get(cell));
              knownNotSeen.remove(cell);
            }
            continue;
          }
          if (!matches) {
            wrong.add(
                cell
                    + ": expected "
                    + expected
                    + ", got "
                    + observed
                    + " for "
                    + call.method()
                    + " "
                    + call.path()
                    + " -> "
                    + abbreviate(body));
          }
        }
      }
    }
    System.out.println(
        "authorization matrix: " + cases + " cases, " + refusedWrites + " refused writes checked");
    assertTrue("refused writes checked in the database: " + refusedWrites, refusedWrites > 0);
    knownSeen.forEach((cell, why) -> System.out.println("KNOWN ISSUE " + cell + ": " + why));
    wrong.forEach(line -> System.out.println("WRONG " + line));
    StringBuilder failure = new StringBuilder();
    if (!wrong.isEmpty()) {
      failure.append(wrong.size()).append(" cells differ from the rules:\n");
      wrong.forEach(line -> failure.append("  ").append(line).append('\n'));
    }
    if (!knownSeen.isEmpty()) {
      failure.append(knownSeen.size()).append(" known authorization issues (KNOWN_ISSUES):\n");
      knownSeen.forEach(
          (cell, why) -> failure.append("  ").append(cell).append(": ").append(why).append('\n'));
    }
    if (!knownNotSeen.isEmpty()) {
      failure
          .append("known issues that no longer occur, remove them from KNOWN_ISSUES: ")
          .append(knownNotSeen)
          .append('\n');
    }
    if (failure.length() > 0) {
      fail("authorization matrix, " + cases + " cases: " + failure);
    }
  }

  /**
   * A disabled account gets no token by any way in, and guessing passwords is throttled whichever
   * endpoint takes them: POST /auth/login, and POST /auth/external/complete, which links an MTNet
   * identity to an existing account by its user name and password.
   */
  @Test
  public void externalCompletionFollowsTheLoginRules() {
    Api anonymous = admin.anonymous();
    String name = "mx-disabled-" + UUID.randomUUID().toString().substring(0, 8);
    long id =
        Accounts.create(
                new NewAccount(
                    name,
                    Accounts.PASSWORD,
                    name,
                    null,
                    "02-0000-0000",
                    Set.of(Role.COMPANY_USER),
                    fixtures.companyA,
                    Set.of()))
            .id();
    String etag = admin.get("/accounts/" + id).expect(200).header("ETag");
    admin
        .send(
            HttpRequest.newBuilder(admin.uri("/accounts/" + id))
                .header("Content-Type", "application/json")
                .header("If-Match", etag)
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"status\":\"DISABLED\"}")))
        .expect(200);
    anonymous
        .post("/auth/login", Map.of("username", name, "password", Accounts.PASSWORD))
        .problem(401, "unauthorized");

    List<String> problems = new ArrayList<>();
    Api.Reply linked =
        anonymous.post(
            "/auth/external/complete",
            Map.of(
                "completionToken",
                completionToken(anonymous),
                "username",
                name,
                "password",
                Accounts.PASSWORD));
    if (linked.status() != 401) {
      problems.add(
          "a DISABLED account got "
              + linked.status()
              + " (token issued: "
              + !linked.json().path("token").isMissingNode()
              + ") from POST /auth/external/complete with its user name and password");
    }

    String victim = "mx-victim-" + UUID.randomUUID().toString().substring(0, 8);
    Accounts.ensure(victim, Set.of(Role.COMPANY_USER), fixtures.companyA, Set.of());
    String token = completionToken(anonymous);
    int last = 0;
    for (int i = 0; i < 8; i++) {
      last =
          anonymous
              .post(
                  "/auth/external/complete",
                  Map.of(
                      "completionToken",
                      token,
                      "username",
                      victim,
                      "password",
                      "wrong-password-" + i))
              .status();
    }
    if (last != 429) {
      problems.add(
          "8 wrong passwords for one account through POST /auth/external/complete were not"
              + " throttled (last answer "
              + last
              + ", POST /auth/login locks after 5)");
    }
    assertTrue(String.join("; ", problems), problems.isEmpty());
  }

  // ---------------------------------------------------------------------------------------------
  // The rules

  private List<Rule> rules() {
    Fixtures f = fixtures;
    List<Rule> rules = new ArrayList<>();

    // system
    rules.add(rule("GET /health", PUBLIC, a -> get("/health")));
    rules.add(rule("GET /openapi.json", PUBLIC, a -> get("/openapi.json")));

    // auth: login and registration are public; the rest needs a token
    rules.add(
        rule(
            "POST /auth/login",
            PUBLIC,
            a ->
                json(
                    "POST",
                    "/auth/login",
                    Map.of("username", f.loginProbe, "password", Accounts.PASSWORD))));
    rules.add(
        rule("POST /auth/register", PUBLIC, a -> json("POST", "/auth/register", f.registration())));
    rules.add(
        rule(
            "POST /auth/external/{provider}",
            PUBLIC,
            a ->
                json(
                    "POST",
                    "/auth/external/mtnet",
                    Map.of("assertion", MtnetIssuer.assertion("mx-" + UUID.randomUUID())))));
    rules.add(
        rule(
            "POST /auth/external/complete",
            PUBLIC,
            a -> json("POST", "/auth/external/complete", f.completion())));
    rules.add(
        rule("POST /auth/logout", SIGNED_IN, a -> post("/auth/logout").withToken(f.freshToken(a))));
    rules.add(rule("GET /auth/me", SIGNED_IN, a -> get("/auth/me")));
    rules.add(
        rule(
            "POST /auth/password",
            SIGNED_IN,
            a ->
                json(
                    "POST",
                    "/auth/password",
                    Map.of(
                        "currentPassword", Accounts.PASSWORD, "newPassword", Accounts.PASSWORD))));

    // accounts
    rules.add(rule("GET /accounts", ACCOUNT_MANAGERS, a -> get("/accounts?size=500")).leakCheck());
    rules.add(
        rule(
            "POST /accounts",
            ACCOUNT_FOR_A,
            a ->
                json(
                    "POST",
                    "/accounts",
                    Map.of(
                        "username",
                        f.unique("mx-new"),
                        "displayName",
                        "New Clerk",
                        "roles",
                        List.of("COMPANY_USER"),
                        "companyId",
                        f.companyA))));
    rules.add(
        rule(
            "GET /accounts/{id}", "a clerk of A", ACCOUNT_OF_A, a -> get("/accounts/" + f.clerkA)));
    rules.add(
        rule(
            "GET /accounts/{id}",
            "own account",
            SIGNED_IN,
            a -> get("/accounts/" + f.ownAccount(a))));
    rules.add(
        rule(
            "PATCH /accounts/{id}",
            "a clerk of A",
            ACCOUNT_OF_A,
            a -> f.accountChange(f.newClerk())));
    rules.add(
        rule(
            "PATCH /accounts/{id}",
            "own account",
            OWN_ACCOUNT_CHANGE,
            a -> f.accountChange(f.ownAccount(a))));
    rules.add(
        rule(
            "POST /accounts/{id}/password",
            "a clerk of A",
            ACCOUNT_OF_A,
            a ->
                json(
                    "POST",
                    "/accounts/" + f.newClerk() + "/password",
                    Map.of("password", "another-password-1"))));
    rules.add(
        rule(
            "POST /accounts/{id}/password",
            "own account",
            OWN_ACCOUNT_CHANGE,
            a ->
                json(
                    "POST",
                    "/accounts/" + f.ownAccount(a) + "/password",
                    Map.of("password", Accounts.PASSWORD))));

    // audit
    rules.add(rule("GET /audit", STAFF, a -> get("/audit?size=5")));

    // companies
    rules.add(rule("GET /companies", SIGNED_IN, a -> get("/companies?size=500")).leakCheck());
    rules.add(
        rule(
            "POST /companies",
            STAFF,
            a -> json("POST", "/companies", Samples.company(Samples.taxId(), "Matrix New Co"))));
    rules.add(rule("GET /companies/{id}", READ_A, a -> get("/companies/" + f.companyA)));
    rules.add(
        rule(
            "PATCH /companies/{id}",
            COMPANY_ADMIN_A,
            a ->
                json("PATCH", "/companies/" + f.companyA, Map.of("phone", "02-2222-1111"))
                    .header("If-Match", f.etag("/companies/" + f.companyA))));
    rules.add(
        rule(
            "POST /companies/{id}/verify",
            STAFF,
            a -> post("/companies/" + f.companyA + "/verify")));
    rules.add(
        rule(
            "POST /companies/{id}/suspend",
            STAFF,
            // staff really suspend: a company of its own, so company A stays as it is
            a ->
                json(
                    "POST",
                    "/companies/"
                        + (a.isStaff() ? f.company("Suspended Co") : f.companyA)
                        + "/suspend",
                    Map.of("reason", "authorization matrix"))));

    // persons
    rules.add(rule("GET /persons", SIGNED_IN, a -> get("/persons?size=500")).leakCheck());
    rules.add(rule("POST /persons", CREATE_FOR_A, a -> json("POST", "/persons", f.newPerson())));
    rules.add(rule("GET /persons/{id}", READ_A, a -> get("/persons/" + f.personA)));
    rules.add(
        rule(
            "PUT /persons/{id}",
            WRITE_A,
            a ->
                json(
                    "PUT",
                    "/persons/" + f.person(),
                    Map.of("nameZh", "改名", "nameEn", "Renamed", "version", 1))));
    rules.add(
        rule(
            "DELETE /persons/{id}",
            WRITE_A,
            a -> get("/persons/" + f.person() + "?version=1").as("DELETE")));
    rules.add(
        rule(
            "POST /persons/{id}/transfer",
            TRANSFER_A,
            a ->
                json(
                    "POST",
                    "/persons/" + f.person() + "/transfer",
                    Map.of("companyId", f.companyB, "version", 1))));
    rules.add(
        rule(
            "GET /persons/{id}/employments",
            READ_A,
            a -> get("/persons/" + f.personA + "/employments")));

    // vehicles
    rules.add(rule("GET /vehicles", SIGNED_IN, a -> get("/vehicles?size=500")).leakCheck());
    rules.add(rule("POST /vehicles", CREATE_FOR_A, a -> json("POST", "/vehicles", f.newVehicle())));
    rules.add(rule("GET /vehicles/{id}", READ_A, a -> get("/vehicles/" + f.vehicleA)));
    rules.add(
        rule(
            "PUT /vehicles/{id}",
            WRITE_A,
            a ->
                json(
                    "PUT",
                    "/vehicles/" + f.vehicle(),
                    Map.of("type", "VAN", "make", "Hino", "version", 1))));
    rules.add(
        rule(
            "DELETE /vehicles/{id}",
            WRITE_A,
            a -> get("/vehicles/" + f.vehicle() + "?version=1").as("DELETE")));
    rules.add(
        rule(
            "POST /vehicles/{id}/transfer",
            TRANSFER_A,
            a ->
                json(
                    "POST",
                    "/vehicles/" + f.vehicle() + "/transfer",
                    Map.of("companyId", f.companyB, "version", 1))));

    // application forms: drafts and submissions by company A's accounts; staff read every form,
    // port staff the submitted forms that include their port (KEL)
    rules.add(rule("GET /forms", FORM_LIST, a -> get("/forms?size=500")).leakCheck());
    rules.add(
        rule(
                "GET /forms",
                "companyId of A",
                FORM_LIST,
                a -> get("/forms?size=500&companyId=" + f.companyA))
            .leakCheck());
    rules.add(rule("POST /forms", FORM_CREATE, a -> json("POST", "/forms", f.emptyDraft())));
    rules.add(
        rule(
            "GET /forms/{id}",
            "a draft of A",
            NOT_FOR_PORT_A,
            a -> get("/forms/" + f.draftA.id())));
    rules.add(
        rule("GET /forms/{id}", "submitted to KEL", READ_A, a -> get("/forms/" + f.formKel.id())));
    rules.add(
        rule(
            "GET /forms/{id}",
            "submitted to KHH",
            NOT_FOR_PORT_A,
            a -> get("/forms/" + f.formKhh.id())));
    rules.add(
        rule(
            "PUT /forms/{id}",
            FORM_WRITE_A,
            a -> {
              Form draft = f.draft("KEL");
              return json(
                      "PUT",
                      "/forms/" + draft.id(),
                      f.formBody("KEL", "changed", List.of(f.personLine())))
                  .header("If-Match", draft.etag());
            }));
    rules.add(
        rule(
            "DELETE /forms/{id}",
            FORM_WRITE_A,
            a -> {
              Form draft = f.draft("KEL");
              return get("/forms/" + draft.id()).as("DELETE").header("If-Match", draft.etag());
            }));
    rules.add(
        rule(
            "POST /forms/{id}/submit",
            FORM_WRITE_A,
            a ->
                post("/forms/" + f.draft("KEL").id() + "/submit")
                    .header("Idempotency-Key", f.unique("mx-key"))));
    rules.add(
        rule(
            "POST /forms/{id}/cancel",
            FORM_WRITE_A,
            a -> post("/forms/" + f.submitted("KEL", 1).id() + "/cancel")));

    // lines of submitted forms: the company's own steps, and the history
    rules.add(
        rule(
            "POST /lines/{id}/resubmit",
            FORM_WRITE_A,
            a -> {
              long line = f.line("KEL", "RETURNED");
              return json("POST", "/lines/" + line + "/resubmit", f.lineInputs.get(line));
            }));
    rules.add(
        rule(
            "POST /lines/{id}/cancel",
            FORM_WRITE_A,
            a -> post("/lines/" + f.line("KEL", "REVIEW") + "/cancel")));
    rules.add(
        rule(
            "GET /lines/{id}/history",
            "submitted to KEL",
            READ_A,
            a -> get("/lines/" + f.formKel.lines().get(0) + "/history")));
    rules.add(
        rule(
            "GET /lines/{id}/history",
            "submitted to KHH",
            NOT_FOR_PORT_A,
            a -> get("/lines/" + f.formKhh.lines().get(0) + "/history")));
    rules.add(
        rule(
            "GET /lines/{id}/history",
            "a draft's line, KEL",
            NOT_FOR_PORT_A,
            a -> get("/lines/" + f.draftA.lines().get(0) + "/history")));

    // reviews: the stage's role for the port (administrators for any port); each decision on a
    // line of its own, waiting at that stage
    for (String stage : List.of("REVIEW", "POLICE", "SUPERVISOR")) {
      Map<Actor, Outcome> deciders = reviewers(stage, OK, OK);
      String at = stage + " at KEL";
      rules.add(
          rule(
              "GET /reviews/{port}/{stage}",
              at,
              deciders,
              a -> get("/reviews/KEL/" + stage + "?size=5")));
      rules.add(
          rule(
              "POST /reviews/{port}/{stage}/lines/{lineId}",
              at,
              deciders,
              a ->
                  json(
                      "POST",
                      "/reviews/KEL/" + stage + "/lines/" + f.line("KEL", stage),
                      approval())));
      rules.add(
          rule(
                  "POST /reviews/{port}/{stage}/decisions",
                  at,
                  deciders,
                  a ->
                      json(
                          "POST",
                          "/reviews/KEL/" + stage + "/decisions",
                          approvals(f.line("KEL", stage))))
              .perLine());
    }
    // another port: KEL's reviewer may neither work at KHH nor reach a KHH line through KEL
    rules.add(
        rule(
            "GET /reviews/{port}/{stage}",
            "REVIEW at KHH",
            reviewers("REVIEW", NO, OK),
            a -> get("/reviews/KHH/REVIEW?size=5")));
    rules.add(
        rule(
            "POST /reviews/{port}/{stage}/lines/{lineId}",
            "a KHH line at KHH",
            reviewers("REVIEW", NO, OK),
            a -> json("POST", "/reviews/KHH/REVIEW/lines/" + f.line("KHH", "REVIEW"), approval())));
    rules.add(
        rule(
            "POST /reviews/{port}/{stage}/lines/{lineId}",
            "a KHH line through KEL",
            reviewers("REVIEW", HID, HID),
            a -> json("POST", "/reviews/KEL/REVIEW/lines/" + f.line("KHH", "REVIEW"), approval())));
    rules.add(
        rule(
                "POST /reviews/{port}/{stage}/decisions",
                "a KHH line at KHH",
                reviewers("REVIEW", NO, OK),
                a ->
                    json(
                        "POST",
                        "/reviews/KHH/REVIEW/decisions",
                        approvals(f.line("KHH", "REVIEW"))))
            .perLine());
    rules.add(
        rule(
                "POST /reviews/{port}/{stage}/decisions",
                "a KHH line through KEL",
                reviewers("REVIEW", HID, HID),
                a ->
                    json(
                        "POST",
                        "/reviews/KEL/REVIEW/decisions",
                        approvals(f.line("KHH", "REVIEW"))))
            .perLine());

    // attachments, for each kind of owner: company attachments are company-wide settings
    for (String owner : List.of("companies", "persons", "vehicles")) {
      Map<Actor, Outcome> change = owner.equals("companies") ? COMPANY_ADMIN_A : WRITE_A;
      String base = "/" + owner + "/" + f.ownerA(owner) + "/attachments";
      String template = "/" + owner + "/{id}/attachments"; // one literal path per owner kind
      rules.add(rule("GET " + template, owner, READ_A, a -> get(base)));
      rules.add(rule("POST " + template, owner, change, a -> f.upload(owner)));
      rules.add(
          rule(
              "GET " + template + "/{attachmentId}",
              owner,
              READ_A,
              a -> get(base + "/" + f.attachmentA(owner))));
      rules.add(
          rule(
              "GET " + template + "/{attachmentId}/content",
              owner,
              READ_A,
              a -> get(base + "/" + f.attachmentA(owner) + "/content")));
      rules.add(
          rule(
              "DELETE " + template + "/{attachmentId}",
              owner,
              change,
              a -> get(base + "/" + f.attachment(owner)).as("DELETE")));
    }

    // card production (製證) at the pickup port's desk: queues, steps, operator actions; each
    // change on a job of its own in the state it needs
    rules.add(rule("GET /card-jobs", "KEL", CARD_DESK_KEL, a -> get("/card-jobs?port=KEL&size=5")));
    rules.add(rule("GET /card-jobs", "KHH", CARD_DESK_KHH, a -> get("/card-jobs?port=KHH&size=5")));
    rules.add(
        rule(
            "GET /card-jobs/next",
            "KEL",
            CARD_DESK_KEL,
            a -> get("/card-jobs/next?port=KEL&desk=" + DESK + "&max=1")));
    rules.add(
        rule(
            "GET /card-jobs/next",
            "KHH",
            CARD_DESK_KHH,
            a -> get("/card-jobs/next?port=KHH&desk=" + DESK + "&max=1")));
    rules.add(
        rule(
            "GET /card-jobs/{id}",
            "a KEL job",
            CARD_DESK_KEL,
            a -> get("/card-jobs/" + f.shown("KEL").jobId())));
    rules.add(
        rule(
            "GET /card-jobs/{id}",
            "a KHH job",
            CARD_DESK_KHH,
            a -> get("/card-jobs/" + f.shown("KHH").jobId())));
    rules.add(
        rule(
            "POST /card-jobs/{id}/steps",
            "a KEL job",
            CARD_DESK_KEL,
            a ->
                json(
                    "POST",
                    "/card-jobs/" + f.pass("KEL", PassState.QUEUED).jobId() + "/steps",
                    Map.of("desk", DESK))));
    rules.add(
        rule(
            "POST /card-jobs/{id}/steps",
            "a KHH job",
            CARD_DESK_KHH,
            a ->
                json(
                    "POST",
                    "/card-jobs/" + f.pass("KHH", PassState.QUEUED).jobId() + "/steps",
                    Map.of("desk", DESK))));
    rules.add(
        rule(
            "PUT /card-jobs/{id}/steps/{attemptId}",
            CARD_DESK_KEL,
            a -> {
              MadePass pass = f.pass("KEL", PassState.PRINTING);
              return json(
                  "PUT",
                  "/card-jobs/" + pass.jobId() + "/steps/" + pass.attemptId(),
                  Map.of("ok", true, "device", "matrix-printer"));
            }));
    rules.add(
        rule(
            "POST /card-jobs/{id}/retry",
            CARD_DESK_KEL,
            a -> post("/card-jobs/" + f.pass("KEL", PassState.FAILED).jobId() + "/retry")));
    rules.add(
        rule(
            "POST /card-jobs/{id}/void",
            CARD_DESK_KEL,
            a ->
                json(
                    "POST",
                    "/card-jobs/" + f.pass("KEL", PassState.PRINTED).jobId() + "/void",
                    Map.of("reason", "voided by the matrix"))));

    // the desks running on the server: each lists only the desks its caller works at
    rules.add(rule("GET /card-desks", SIGNED_IN, a -> get("/card-desks")));
    rules.add(
        rule(
            "POST /card-desks/{port}/{desk}/run",
            "a KEL desk",
            CARD_DESK_KEL,
            a -> post("/card-desks/KEL/" + f.desk("KEL") + "/run")));
    rules.add(
        rule(
            "POST /card-desks/{port}/{desk}/run",
            "a KHH desk",
            CARD_DESK_KHH,
            a -> post("/card-desks/KHH/" + f.desk("KHH") + "/run")));

    // passes of company A: read like its other records (by KEL's port staff for a KEL pass only);
    // the card desk hands cards over, the police and supervisors suspend and revoke
    rules.add(rule("GET /passes", SIGNED_IN, a -> get("/passes?size=500")).leakCheck());
    rules.add(
        rule(
                "GET /passes",
                "companyId of A",
                SIGNED_IN,
                a -> get("/passes?size=500&companyId=" + f.companyA))
            .leakCheck());
    rules.add(rule("GET /ports", SIGNED_IN, a -> get("/ports")));
    rules.add(
        rule("GET /ports/{code}/requirements", SIGNED_IN, a -> get("/ports/KEL/requirements")));
    rules.add(
        rule(
            "GET /passes/{number}",
            "a KEL pass",
            READ_A,
            a -> get("/passes/" + f.shown("KEL").number())));
    rules.add(
        rule(
            "GET /passes/{number}",
            "a KHH pass",
            NOT_FOR_PORT_A,
            a -> get("/passes/" + f.shown("KHH").number())));
    rules.add(
        rule(
            "GET /passes/{number}/card-jobs",
            "a KEL pass",
            READ_A,
            a -> get("/passes/" + f.shown("KEL").number() + "/card-jobs")));
    rules.add(
        rule(
            "GET /passes/{number}/card-jobs",
            "a KHH pass",
            NOT_FOR_PORT_A,
            a -> get("/passes/" + f.shown("KHH").number() + "/card-jobs")));
    rules.add(
        rule(
            "GET /passes/{number}/card.png",
            PICKUP_DESK_A,
            a -> get("/passes/" + f.shown("KEL").number() + "/card.png")));
    rules.add(
        rule(
            "GET /passes/{number}/card.pdf",
            PICKUP_DESK_A,
            a -> get("/passes/" + f.shown("KEL").number() + "/card.pdf")));
    rules.add(
        rule(
            "POST /passes/{number}/pickup",
            PICKUP_DESK_A,
            a ->
                json(
                    "POST",
                    "/passes/" + f.pass("KEL", PassState.READY).number() + "/pickup",
                    Map.of("collectedBy", "Matrix Holder"))));
    rules.add(
        rule(
            "POST /passes/{number}/suspend",
            "a KEL pass",
            PASS_AUTHORITY_A,
            a ->
                json(
                    "POST",
                    "/passes/" + f.pass("KEL", PassState.ACTIVE).number() + "/suspend",
                    Map.of("reason", "suspended by the matrix"))));
    rules.add(
        rule(
            "POST /passes/{number}/suspend",
            "a KHH pass",
            PASS_AUTHORITY_KHH_A,
            a ->
                json(
                    "POST",
                    "/passes/" + f.pass("KHH", PassState.ACTIVE).number() + "/suspend",
                    Map.of("reason", "suspended by the matrix"))));
    rules.add(
        rule(
            "POST /passes/{number}/reinstate",
            PASS_AUTHORITY_A,
            a -> post("/passes/" + f.pass("KEL", PassState.SUSPENDED).number() + "/reinstate")));
    rules.add(
        rule(
            "POST /passes/{number}/revoke",
            REVOKE_A,
            a ->
                json(
                    "POST",
                    "/passes/" + f.pass("KEL", PassState.ACTIVE).number() + "/revoke",
                    Map.of("reason", "revoked by the matrix"))));
    // violations: the police and supervisors of the port record them (a fresh person each time,
    // so one actor's ban does not change the next's case); staff and the company read them
    rules.add(
        rule(
            "POST /violations",
            VIOLATION_AT_KEL,
            a ->
                json(
                    "POST",
                    "/violations",
                    Map.of(
                        "subjectKind", "PERSON",
                        "subjectId", f.person(),
                        "type", "OVERSTAY",
                        "occurredOn", LocalDate.now(ZoneId.of("Asia/Taipei")).toString(),
                        "port", "KEL"))));
    rules.add(rule("GET /violations", SIGNED_IN, a -> get(f.violationsOfA())).leakCheck());
    rules.add(rule("GET /violations/{id}", READ_A, a -> get("/violations/" + f.violationA())));
    rules.add(
        rule(
            "GET /violations/standing",
            READ_A,
            a -> get("/violations/standing?subjectKind=PERSON&subjectId=" + f.violatorA())));
    rules.add(
        rule(
            "GET /violations/company-suspension",
            READ_A,
            a -> get("/violations/company-suspension?companyId=" + f.companyA)));
    rules.add(rule("GET /violation-types", SIGNED_IN, a -> get("/violation-types?port=KEL")));
    rules.add(
        rule(
            "PUT /violation-types/{code}",
            ADMIN_ONLY,
            a ->
                json(
                    "PUT",
                    "/violation-types/MATRIX_" + a.name() + "?port=KEL",
                    Map.of(
                        "nameEn",
                        "Matrix type",
                        "nameZhTw",
                        "矩陣類型",
                        "banMonths",
                        1,
                        "singleVisitAllowed",
                        true))));
    rules.add(
        rule(
            "POST /passes/{number}/lost",
            LOST_A,
            a ->
                json(
                    "POST",
                    "/passes/" + f.pass("KEL", PassState.ACTIVE).number() + "/lost",
                    Map.of("reason", "lost in the matrix"))));

    // gates: any signed-in account may check a scanned code and fetch the key to check offline
    rules.add(
        rule(
            "POST /pass-codes/verify",
            SIGNED_IN,
            a ->
                json(
                    "POST",
                    "/pass-codes/verify",
                    Map.of("payload", f.shown("KEL").code(), "port", "KEL"))));
    rules.add(rule("GET /pass-codes/key", SIGNED_IN, a -> get("/pass-codes/key")));

    // the revocation list for offline gates, and the gates' passage records
    rules.add(rule("GET /revocations", GATE_STAFF, a -> get("/revocations")));
    rules.add(rule("GET /revocations", "since 0", GATE_STAFF, a -> get("/revocations?since=0")));
    rules.add(rule("GET /revocations/status", GATE_STAFF, a -> get("/revocations/status")));
    rules.add(rule("GET /gate-passages", GATE_STAFF, a -> get("/gate-passages?port=KEL")));
    rules.add(
        rule(
            "GET /gate-passages",
            "a pass",
            GATE_STAFF,
            a -> get("/gate-passages?pass=" + f.shown("KEL").number())));
    rules.add(rule("GET /gate-passages", "of KHH", GATE_KHH, a -> get("/gate-passages?port=KHH")));
    rules.add(
        rule(
            "POST /gate-passages",
            GATE_REPORT_KEL,
            a ->
                json(
                    "POST",
                    "/gate-passages",
                    Map.of(
                        "code",
                        f.shown("KEL").code(),
                        "port",
                        "KEL",
                        "time",
                        java.time.Instant.now().toString(),
                        "result",
                        "ok"))));
    return rules;
  }

  // ---------------------------------------------------------------------------------------------
  // Rules, calls and answers

  /** One row of the matrix: an operation (and variant), the expected outcomes, the request. */
  private record Rule(
      String operation,
      String variant,
      Map<Actor, Outcome> expected,
      Function<Actor, Call> call,
      boolean checksLeaks,
      boolean judgesLines) {
    String label() {
      return variant == null ? operation : operation + " [" + variant + "]";
    }

    /** An ALLOWED answer to a company-B actor must not show anything of company A. */
    Rule leakCheck() {
      return new Rule(operation, variant, expected, call, true, judgesLines);
    }

    /**
     * A decision on many lines answers 200 with a result per line: the outcome is that of the (one)
     * line's result, so a line refused inside a 200 counts as refused.
     */
    Rule perLine() {
      return new Rule(operation, variant, expected, call, checksLeaks, true);
    }
  }

  private static Rule rule(
      String operation, Map<Actor, Outcome> expected, Function<Actor, Call> call) {
    return new Rule(operation, null, expected, call, false, false);
  }

  private static Rule rule(
      String operation, String variant, Map<Actor, Outcome> expected, Function<Actor, Call> call) {
    return new Rule(operation, variant, expected, call, false, false);
  }

  /**
   * A review queue or decision at a stage: the stage's port role (for KEL) and the administrator
   * get the outcomes given; everyone else is refused for the role.
   */
  private static Map<Actor, Outcome> reviewers(String stage, Outcome role, Outcome admin) {
    Actor decider =
        switch (stage) {
          case "REVIEW" -> Actor.REVIEWER;
          case "POLICE" -> Actor.POLICE;
          default -> Actor.SUPERVISOR;
        };
    Map<Actor, Outcome> map = new EnumMap<>(expect(ANON, admin, NO, NO, NO, NO, NO, NO));
    map.put(decider, role);
    return Map.copyOf(map);
  }

  private static Map<String, Object> approval() {
    return Map.of("decision", "APPROVE", "revision", 0);
  }

  private static Map<String, Object> approvals(long line) {
    return Map.of("decision", "APPROVE", "lines", List.of(Map.of("lineId", line, "revision", 0)));
  }

  /** The row {@code name} of {@link #PROFILES}. */
  private static Map<Actor, Outcome> profile(String name) {
    List<String> lines = PROFILES.strip().lines().toList();
    List<String> header = List.of(lines.get(0).split("\\s+"));
    if (!header.equals(PROFILE_COLUMNS)) {
      throw new IllegalStateException("PROFILES header is " + header + ", not " + PROFILE_COLUMNS);
    }
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.strip().split("\\s+");
      if (cells[0].equals(name)) {
        if (cells.length != Actor.values().length + 1) {
          throw new IllegalStateException("profile " + name + " has " + cells.length + " cells");
        }
        Map<Actor, Outcome> map = new EnumMap<>(Actor.class);
        for (Actor actor : Actor.values()) {
          map.put(actor, CELLS.get(cells[actor.ordinal() + 1]));
        }
        return Map.copyOf(map);
      }
    }
    throw new IllegalStateException("no profile " + name + " in PROFILES");
  }

  /** Expected outcomes by column; the last column is every port role. */
  private static Map<Actor, Outcome> expect(
      Outcome anonymous,
      Outcome admin,
      Outcome customerService,
      Outcome aAdmin,
      Outcome aUser,
      Outcome bAdmin,
      Outcome bUser,
      Outcome port) {
    Map<Actor, Outcome> map = new EnumMap<>(Actor.class);
    map.put(Actor.ANONYMOUS, anonymous);
    map.put(Actor.ADMIN, admin);
    map.put(Actor.CUSTOMER_SERVICE, customerService);
    map.put(Actor.A_ADMIN, aAdmin);
    map.put(Actor.A_USER, aUser);
    map.put(Actor.B_ADMIN, bAdmin);
    map.put(Actor.B_USER, bUser);
    for (Actor actor : List.of(Actor.REVIEWER, Actor.POLICE, Actor.SUPERVISOR, Actor.CARD_DESK)) {
      map.put(actor, port);
    }
    return Map.copyOf(map);
  }

  /** An HTTP request: method, path, optional body and headers, optionally another token. */
  private record Call(
      String method,
      String path,
      String contentType,
      byte[] body,
      Map<String, String> headers,
      String token) {
    Call as(String newMethod) {
      return new Call(newMethod, path, contentType, body, headers, token);
    }

    Call header(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Call(method, path, contentType, body, more, token);
    }

    Call withToken(String bearer) {
      return new Call(method, path, contentType, body, headers, bearer);
    }
  }

  private static Call get(String path) {
    return new Call("GET", path, null, null, Map.of(), null);
  }

  /** A POST without a body (as the JSON resources take it: JSON content type, empty body). */
  private static Call post(String path) {
    return new Call("POST", path, "application/json", new byte[0], Map.of(), null);
  }

  private static Call json(String method, String path, Object body) {
    try {
      return new Call(
          method, path, "application/json", Api.JSON.writeValueAsBytes(body), Map.of(), null);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private Api.Reply send(Actor actor, Call call) {
    Api api = actor == Actor.ANONYMOUS ? admin.anonymous() : fixtures.apis.get(actor);
    if (call.token() != null) {
      api = admin.withToken(call.token());
    }
    HttpRequest.BodyPublisher body =
        call.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(call.body());
    HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(call.path()));
    if (call.contentType() != null) {
      request.header("Content-Type", call.contentType());
    }
    call.headers().forEach(request::header);
    return api.send(request.method(call.method(), body));
  }

  /** The outcome class of an answer, or a description of an answer that fits none. */
  private static String classify(Api.Reply reply) {
    int status = reply.status();
    if (status >= 200 && status < 300) {
      return Outcome.ALLOWED.name();
    }
    String type = "";
    if ("application/problem+json".equals(reply.header("Content-Type"))) {
      type = reply.json().path("type").asText().replace("urn:portpass:problem:", "");
    }
    if (status == 400 && type.equals("validation")) {
      return Outcome.REFUSED.name();
    }
    if (status == 401 && type.equals("unauthorized")) {
      return Outcome.UNAUTHENTICATED.name();
    }
    if (status == 403 && type.equals("forbidden")) {
      return Outcome.FORBIDDEN.name();
    }
    if (status == 404 && type.equals("not-found")) {
      return Outcome.HIDDEN.name();
    }
    return status + " " + (type.isEmpty() ? reply.header("Content-Type") : type);
  }

  /** The outcome of a decision on many lines: that of its one line's result. */
  private static String classifyPerLine(Api.Reply reply) {
    String observed = classify(reply);
    if (!observed.equals(Outcome.ALLOWED.name())) {
      return observed;
    }
    JsonNode results = reply.json();
    if (!results.isArray() || results.size() != 1) {
      return reply.status() + " with " + results.size() + " results";
    }
    JsonNode error = results.path(0).path("errorCode");
    if (error.isNull() || error.isMissingNode()) {
      return Outcome.ALLOWED.name();
    }
    return switch (error.asText()) {
      case "forbidden" -> Outcome.FORBIDDEN.name();
      case "not-found" -> Outcome.HIDDEN.name();
      default -> reply.status() + " with the line refused: " + error.asText();
    };
  }

  private static String abbreviate(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }

  /** Every "METHOD path" of the OpenAPI document. */
  private Set<String> operations() {
    JsonNode paths = admin.get("/openapi.json").expect(200).json().path("paths");
    Set<String> operations = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> path = it.next();
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        String method = methods.next();
        if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace")
            .contains(method)) {
          operations.add(method.toUpperCase() + " " + path.getKey());
        }
      }
    }
    assertFalse("the OpenAPI document lists no operations", operations.isEmpty());
    return operations;
  }

  private String completionToken(Api anonymous) {
    JsonNode incomplete =
        anonymous
            .post(
                "/auth/external/mtnet",
                Map.of("assertion", MtnetIssuer.assertion("mx-" + UUID.randomUUID())))
            .expect(200)
            .json();
    return incomplete.path("completionToken").asText();
  }

  /**
   * A form of company A as its fixture account made it: the ETag of the draft, the line ids in line
   * order and the lines as sent.
   */
  private record Form(long id, String etag, List<Long> lines, List<Map<String, Object>> inputs) {}

  /** The desk name the matrix's card production runs under. */
  private static final String DESK = "matrix-1";

  /** Lines approved at once when a port's supply of new passes runs out. */
  private static final int PASS_BATCH = 25;

  /** Where a pass of the fixtures stands, with its card job. */
  enum PassState {
    /** PENDING_CARD, its card job QUEUED. */
    QUEUED,
    /** A print begun at the desk and not yet reported (an open attempt). */
    PRINTING,
    /** Printed; the QR code is to be verified. */
    PRINTED,
    /** The print failed (a jam): the job is FAILED and waits for the operator. */
    FAILED,
    /** The card is made (job DONE, line READY); the pass waits for pickup. */
    READY,
    /** Picked up: ACTIVE. */
    ACTIVE,
    /** Picked up, then suspended by the administrator. */
    SUSPENDED
  }

  /**
   * A pass of company A: its number, its first card job, the open attempt (PRINTING) and the signed
   * pass code on its card (once made).
   */
  private record MadePass(String number, long jobId, long attemptId, String code) {}

  // ---------------------------------------------------------------------------------------------
  // Fixtures: two companies, company A's records, one account per actor

  private final class Fixtures {
    private final AtomicInteger sequence = new AtomicInteger();
    private final String run = UUID.randomUUID().toString().substring(0, 6);
    final Map<Actor, Api> apis = new EnumMap<>(Actor.class);
    final Map<Actor, Long> accountIds = new EnumMap<>(Actor.class);
    final long companyA;
    final long companyB;
    final String taxA;
    final long personA;
    final String personNumberA;
    final long vehicleA;
    final String plateA;
    final Map<String, Long> attachmentsA = new HashMap<>();
    final long clerkA;
    final String clerkNameA;
    final String loginProbe;

    /** Company A's own account that makes the forms of the fixtures. */
    final Api forms;

    /** Shared, only read: a draft of A at KEL, and forms of A submitted to KEL and to KHH. */
    final Form draftA;

    final Form formKel;
    final Form formKhh;

    /** Each submitted line's content as sent, to resubmit it. */
    final Map<Long, Map<String, Object>> lineInputs = new HashMap<>();

    /** Fresh lines by "PORT STATE", one per request that changes a line. */
    private final Map<String, Deque<Long>> pools = new HashMap<>();

    /** Fresh passes by "PORT STATE", one per request that changes a pass or its card job. */
    private final Map<String, Deque<MadePass>> passPools = new HashMap<>();

    /** New passes (PENDING_CARD, job QUEUED) by port, not yet handed to any pool. */
    private final Map<String, Deque<MadePass>> issued = new HashMap<>();

    /** Card jobs already looked at when finding the passes of a batch. */
    private final Set<Long> seenJobs = new HashSet<>();

    /** Shared, only read: an ACTIVE pass per port, its card made and picked up. */
    private final Map<String, MadePass> shown = new HashMap<>();

    /** The card desks the matrix registered, by port. */
    private final Map<String, String> desks = new HashMap<>();

    Fixtures() {
      taxA = Samples.taxId();
      companyA = verified(taxA, "Matrix Alpha");
      companyB = verified(Samples.taxId(), "Matrix Beta");
      personNumberA = Samples.nationalId();
      personA =
          admin
              .post(
                  "/persons",
                  Map.of("identityNumber", personNumberA, "nameZh", "甲員", "companyId", companyA))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      plateA = plate();
      vehicleA =
          admin
              .post(
                  "/vehicles",
                  Map.of("plateNumber", plateA, "type", "TRUCK", "companyId", companyA))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      for (String owner : List.of("companies", "persons", "vehicles")) {
        attachmentsA.put(owner, attachment(owner));
      }
      clerkNameA = unique("mx-clerk");
      clerkA = account(clerkNameA, null, Role.COMPANY_USER, companyA);
      loginProbe = unique("mx-probe");
      account(loginProbe, Accounts.PASSWORD, Role.REVIEWER, null);
      for (Actor actor : Actor.values()) {
        if (actor == Actor.ANONYMOUS) {
          continue;
        }
        String name = unique("mx-" + actor.name().toLowerCase().replace('_', '-'));
        Long company =
            actor.role.isCompanyRole() ? (actor.otherCompany ? companyB : companyA) : null;
        accountIds.put(actor, account(name, Accounts.PASSWORD, actor.role, company));
        apis.put(actor, admin.anonymous().login(name, Accounts.PASSWORD));
      }
      String formsUser = unique("mx-forms");
      account(formsUser, Accounts.PASSWORD, Role.COMPANY_USER, companyA);
      forms = admin.anonymous().login(formsUser, Accounts.PASSWORD);
      draftA = draft("KEL", 1);
      formKel = submitted("KEL", 1);
      formKhh = submitted("KHH", 1);
    }

    /** A new person of company A with a photo, as a line of a form: ready to be submitted. */
    Map<String, Object> personLine() {
      long person = person();
      long photo =
          admin
              .send(
                  HttpRequest.newBuilder(
                          admin.uri(
                              "/persons/" + person + "/attachments?type=PHOTO&fileName=photo.png"))
                      .header("Content-Type", "image/png")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.png())))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("subjectKind", "PERSON");
      line.put("subjectId", person);
      line.put("validFrom", today.plusDays(1).toString());
      line.put("validTo", today.plusDays(60).toString());
      line.put("attachmentIds", List.of(photo));
      return line;
    }

    /** A long-term pass form for one port, picked up there. */
    Map<String, Object> formBody(String port, String purpose, List<Map<String, Object>> lines) {
      Map<String, Object> form = new LinkedHashMap<>();
      form.put("passType", "LONG_TERM");
      form.put("accessPorts", List.of(port));
      form.put("pickupPort", port);
      form.put("purpose", purpose);
      form.put("lines", lines);
      return form;
    }

    /** A draft without lines, as any company account may save for its own company. */
    Map<String, Object> emptyDraft() {
      return formBody("KEL", "authorization matrix", List.of());
    }

    /** A new, complete draft of company A with one line. */
    Form draft(String port) {
      return draft(port, 1);
    }

    Form draft(String port, int lines) {
      List<Map<String, Object>> inputs = new ArrayList<>();
      for (int i = 0; i < lines; i++) {
        inputs.add(personLine());
      }
      Api.Reply reply =
          forms.post("/forms", formBody(port, "authorization matrix", inputs)).expect(201);
      JsonNode form = reply.json();
      return new Form(form.path("id").asLong(), reply.header("ETag"), lineIds(form), inputs);
    }

    /** A new form of company A, submitted: its lines wait for REVIEW at the port. */
    Form submitted(String port, int lines) {
      Form draft = draft(port, lines);
      JsonNode form =
          forms
              .send(
                  HttpRequest.newBuilder(forms.uri("/forms/" + draft.id() + "/submit"))
                      .header("Idempotency-Key", unique("mx-fixture"))
                      .POST(HttpRequest.BodyPublishers.noBody()))
              .expect(200)
              .json();
      List<Long> ids = lineIds(form);
      for (int i = 0; i < ids.size(); i++) {
        lineInputs.put(ids.get(i), draft.inputs().get(i));
      }
      return new Form(draft.id(), null, ids, draft.inputs());
    }

    private List<Long> lineIds(JsonNode form) {
      Map<Integer, Long> byNumber = new TreeMap<>();
      form.path("lines")
          .forEach(l -> byNumber.put(l.path("lineNo").asInt(), l.path("id").asLong()));
      return new ArrayList<>(byNumber.values());
    }

    /**
     * A line of company A at one port that no request has touched yet, in the given state: REVIEW,
     * POLICE or SUPERVISOR (waiting at that stage), or RETURNED (rejected at REVIEW).
     */
    long line(String port, String state) {
      Deque<Long> pool = pools.computeIfAbsent(port + " " + state, k -> new ArrayDeque<>());
      if (pool.isEmpty()) {
        List<Long> lines = submitted(port, Actor.values().length).lines();
        switch (state) {
          case "REVIEW" -> {}
          case "RETURNED" -> decide(port, "REVIEW", "REJECT", lines);
          case "POLICE" -> decide(port, "REVIEW", "APPROVE", lines);
          case "SUPERVISOR" -> {
            decide(port, "REVIEW", "APPROVE", lines);
            decide(port, "POLICE", "APPROVE", lines);
          }
          default -> throw new IllegalArgumentException(state);
        }
        pool.addAll(lines);
      }
      return pool.pop();
    }

    /** The administrator decides the lines at a port and stage. */
    private void decide(String port, String stage, String decision, List<Long> lines) {
      List<Map<String, Object>> refs = new ArrayList<>();
      lines.forEach(id -> refs.add(Map.of("lineId", id, "revision", 0)));
      JsonNode results =
          admin
              .post(
                  "/reviews/" + port + "/" + stage + "/decisions",
                  Map.of("decision", decision, "reason", "returned by the matrix", "lines", refs))
              .expect(200)
              .json();
      results.forEach(r -> assertFalse(r.toString(), r.hasNonNull("errorCode")));
    }

    /** An ACTIVE pass of company A at the port, shared by the rules that only read. */
    MadePass shown(String port) {
      MadePass pass = shown.get(port);
      if (pass == null) {
        pass = pass(port, PassState.ACTIVE);
        shown.put(port, pass);
      }
      return pass;
    }

    /** A pass of company A at the port that no request has touched yet, in the given state. */
    MadePass pass(String port, PassState state) {
      Deque<MadePass> pool = passPools.computeIfAbsent(port + " " + state, k -> new ArrayDeque<>());
      if (pool.isEmpty()) {
        Deque<MadePass> supply = issued.computeIfAbsent(port, k -> new ArrayDeque<>());
        if (supply.isEmpty()) {
          supply.addAll(issue(port, PASS_BATCH));
        }
        pool.add(advance(supply.pop(), state));
      }
      return pool.pop();
    }

    /**
     * New passes: lines of company A at the port approved at every stage by the administrator,
     * found through their card jobs in the port's queue.
     */
    private List<MadePass> issue(String port, int count) {
      List<Long> lines = submitted(port, count).lines();
      for (String stage : List.of("REVIEW", "POLICE", "SUPERVISOR")) {
        decide(port, stage, "APPROVE", lines);
      }
      Set<Long> wanted = new HashSet<>(lines);
      List<MadePass> found = new ArrayList<>();
      long deadline = System.currentTimeMillis() + 90_000;
      while (true) {
        for (int page = 0; ; page++) {
          JsonNode jobs =
              admin
                  .get("/card-jobs?port=" + port + "&status=QUEUED&size=500&page=" + page)
                  .expect(200)
                  .json();
          for (JsonNode job : jobs.path("items")) {
            long id = job.path("id").asLong();
            if (job.path("generation").asInt() != 1 || !seenJobs.add(id)) {
              continue;
            }
            String number = job.path("passNumber").asText();
            long line = admin.get("/passes/" + number).expect(200).json().path("lineId").asLong();
            if (wanted.contains(line)) {
              found.add(new MadePass(number, id, 0, null));
            }
          }
          if (jobs.path("items").size() < 500) {
            break;
          }
        }
        if (found.size() == count) {
          return found;
        }
        if (System.currentTimeMillis() > deadline) {
          throw new AssertionError(
              "card jobs for " + found.size() + " of " + count + " new passes at " + port);
        }
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError(e);
        }
      }
    }

    /** Brings a new pass to the state, as the desk and the administrator would. */
    private MadePass advance(MadePass pass, PassState state) {
      if (state == PassState.QUEUED) {
        return pass;
      }
      JsonNode print = begin(pass);
      long attempt = print.path("attemptId").asLong();
      if (state == PassState.PRINTING) {
        return new MadePass(pass.number(), pass.jobId(), attempt, null);
      }
      if (state == PassState.FAILED) {
        Map<String, Object> jam = new LinkedHashMap<>();
        jam.put("ok", false);
        jam.put("device", "matrix-printer");
        jam.put("fault", "JAM");
        jam.put("message", "jammed by the matrix");
        expectStatus(report(pass, attempt, jam), "FAILED");
        return pass;
      }
      expectStatus(
          report(pass, attempt, Map.of("ok", true, "device", "matrix-printer")), "PRINTED");
      if (state == PassState.PRINTED) {
        return pass;
      }
      String code = qrCode(Base64.getDecoder().decode(print.path("cardFace").asText()));
      JsonNode verify = begin(pass);
      expectStatus(
          report(
              pass,
              verify.path("attemptId").asLong(),
              Map.of("ok", true, "device", "matrix-scanner", "scanned", code)),
          "VERIFIED");
      JsonNode encode = begin(pass);
      expectStatus(
          report(
              pass,
              encode.path("attemptId").asLong(),
              Map.of(
                  "ok",
                  true,
                  "device",
                  "matrix-encoder",
                  "chipUid",
                  "MX" + run + "-" + pass.jobId(),
                  "chipRead",
                  encode.path("chipData").asText())),
          "DONE");
      MadePass made = new MadePass(pass.number(), pass.jobId(), 0, code);
      if (state == PassState.READY) {
        return made;
      }
      admin
          .post("/passes/" + pass.number() + "/pickup", Map.of("collectedBy", "Matrix Holder"))
          .expect(200);
      if (state == PassState.SUSPENDED) {
        admin
            .post(
                "/passes/" + pass.number() + "/suspend",
                Map.of("reason", "suspended by the matrix"))
            .expect(200);
      }
      return made;
    }

    private JsonNode begin(MadePass pass) {
      return admin
          .post("/card-jobs/" + pass.jobId() + "/steps", Map.of("desk", DESK))
          .expect(200)
          .json();
    }

    private JsonNode report(MadePass pass, long attempt, Map<String, Object> report) {
      return admin
          .put("/card-jobs/" + pass.jobId() + "/steps/" + attempt, report)
          .expect(200)
          .json();
    }

    private void expectStatus(JsonNode job, String status) {
      assertEquals(job.toString(), status, job.path("status").asText());
    }

    /** The QR code on a printed card face, read as a desk's scanner reads it. */
    private String qrCode(byte[] png) {
      try {
        return QrCodes.read(png);
      } catch (Exception e) {
        throw new AssertionError("no QR code on the printed card face", e);
      }
    }

    /**
     * A card desk at the port, registered as the desk runner registers one, that finds nothing to
     * do: the rules ask who may run a desk, not what its devices do.
     */
    String desk(String port) {
      return desks.computeIfAbsent(
          port,
          p -> {
            String name = unique("mx-desk");
            context.registerService(
                CardDesk.class,
                new CardDesk() {
                  @Override
                  public String port() {
                    return p;
                  }

                  @Override
                  public String desk() {
                    return name;
                  }

                  @Override
                  public DeskStatus status() {
                    return new DeskStatus(p, name, false, List.of());
                  }

                  @Override
                  public CardJob runNext() {
                    return null;
                  }
                },
                null);
            return name;
          });
    }

    String unique(String prefix) {
      return prefix + "-" + run + "-" + sequence.incrementAndGet();
    }

    long ownAccount(Actor actor) {
      return accountIds.getOrDefault(actor, accountIds.get(Actor.ADMIN));
    }

    /** A new token of the actor's account (for logout, which revokes it). */
    String freshToken(Actor actor) {
      if (actor == Actor.ANONYMOUS) {
        return null;
      }
      Api api = apis.get(actor);
      String username = api.get("/auth/me").expect(200).json().path("username").asText();
      return admin.anonymous().login(username, Accounts.PASSWORD).token();
    }

    long account(String username, String password, Role role, Long company) {
      Set<String> ports = role.isPortRole() ? Set.of("KEL") : Set.of();
      return Accounts.create(
              new NewAccount(
                  username, password, username, null, "02-0000-0000", Set.of(role), company, ports))
          .id();
    }

    long newClerk() {
      return account(unique("mx-clerk"), null, Role.COMPANY_USER, companyA);
    }

    Call accountChange(long id) {
      return json("PATCH", "/accounts/" + id, Map.of("displayName", "Renamed by the matrix"))
          .header("If-Match", etag("/accounts/" + id));
    }

    String etag(String path) {
      return admin.get(path).expect(200).header("ETag");
    }

    long verified(String taxId, String name) {
      long id = company(taxId, name);
      admin.post("/companies/" + id + "/verify", "").expect(200);
      return id;
    }

    long company(String name) {
      return company(Samples.taxId(), name);
    }

    long company(String taxId, String name) {
      return admin
          .post("/companies", Samples.company(taxId, name))
          .expect(201)
          .json()
          .path("id")
          .asLong();
    }

    Map<String, Object> newPerson() {
      return Map.of(
          "identityNumber", Samples.nationalId(), "nameEn", "Matrix Person", "companyId", companyA);
    }

    long person() {
      return admin.post("/persons", newPerson()).expect(201).json().path("id").asLong();
    }

    private long violator;
    private long violation;

    /** A person of company A with one violation at KEL (made once, only read). */
    synchronized long violatorA() {
      if (violator == 0) {
        violator = person();
        violation =
            admin
                .post(
                    "/violations",
                    Map.of(
                        "subjectKind", "PERSON",
                        "subjectId", violator,
                        "type", "OVERSTAY",
                        "occurredOn", LocalDate.now(ZoneId.of("Asia/Taipei")).toString(),
                        "port", "KEL",
                        "note", "matrix fixture"))
                .expect(201)
                .json()
                .path("id")
                .asLong();
      }
      return violator;
    }

    long violationA() {
      violatorA();
      return violation;
    }

    String violationsOfA() {
      return "/violations?subjectKind=PERSON&subjectId=" + violatorA();
    }

    Map<String, Object> newVehicle() {
      return Map.of("plateNumber", plate(), "type", "CAR", "companyId", companyA);
    }

    long vehicle() {
      return admin.post("/vehicles", newVehicle()).expect(201).json().path("id").asLong();
    }

    String plate() {
      int n = sequence.incrementAndGet();
      String letters =
          "M" + (char) ('A' + (run.hashCode() & 0x7fffffff) % 26) + (char) ('A' + (n / 10000) % 26);
      return letters + "-" + String.format("%04d", n % 10000);
    }

    long ownerA(String owner) {
      return switch (owner) {
        case "companies" -> companyA;
        case "persons" -> personA;
        default -> vehicleA;
      };
    }

    long attachmentA(String owner) {
      return attachmentsA.get(owner);
    }

    Call upload(String owner) {
      String path = "/" + owner + "/" + ownerA(owner) + "/attachments";
      return switch (owner) {
        case "companies" ->
            new Call(
                "POST",
                path + "?type=COMPANY_REGISTRATION&fileName=registration.pdf",
                "application/pdf",
                Samples.pdf(),
                Map.of(),
                null);
        case "persons" ->
            new Call(
                "POST",
                path + "?type=PHOTO&fileName=photo.png",
                "image/png",
                Samples.png(),
                Map.of(),
                null);
        default ->
            new Call(
                "POST",
                path + "?type=VEHICLE_REGISTRATION&fileName=registration.pdf",
                "application/pdf",
                Samples.pdf(),
                Map.of(),
                null);
      };
    }

    /** A new attachment of company A's record of this kind, uploaded by the administrator. */
    long attachment(String owner) {
      Call upload = upload(owner);
      return admin
          .send(
              HttpRequest.newBuilder(admin.uri(upload.path()))
                  .header("Content-Type", upload.contentType())
                  .POST(HttpRequest.BodyPublishers.ofByteArray(upload.body())))
          .expect(201)
          .json()
          .path("id")
          .asLong();
    }

    Map<String, Object> registration() {
      String username = unique("mx-reg");
      return Map.of(
          "username",
          username,
          "password",
          "a-long-enough-password",
          "displayName",
          "Registrar",
          "phone",
          "02-2222-3333",
          "companyTaxId",
          Samples.taxId(),
          "companyName",
          "Registered By Matrix");
    }

    Map<String, Object> completion() {
      return Map.of(
          "completionToken",
          completionToken(admin.anonymous()),
          "username",
          unique("mx-ext"),
          "displayName",
          "Via MTNet",
          "phone",
          "07-000-1111",
          "companyTaxId",
          Samples.taxId(),
          "companyName",
          "Completed By Matrix");
    }

    /** Which of company A's identifying data a body shows, or null. */
    String leakIn(String body) {
      Map<String, String> marks = new LinkedHashMap<>();
      marks.put("tax ID", taxA);
      marks.put("person's identity number", personNumberA);
      marks.put("vehicle plate", plateA);
      marks.put("clerk account", clerkNameA);
      marks.put("company id", "\"companyId\":" + companyA + ",");
      for (Map.Entry<String, String> mark : marks.entrySet()) {
        if (body.contains(mark.getValue())) {
          return mark.getKey();
        }
      }
      return null;
    }
  }
}
