package org.portpass.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.sql.DataSource;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.portpass.auth.NewAccount;
import org.portpass.core.Role;

/**
 * Bad input for every endpoint, generated from the OpenAPI document: malformed JSON, wrong types
 * for every property of every request body, huge strings, NUL, lone surrogates, bidi overrides,
 * emoji, SQL, HTML and script fragments, path traversal in path parameters, wrong types in query
 * parameters. Every answer must be a 4xx (a 2xx only for a free-text search that is merely
 * unusual), as {@code application/problem+json}, with no stack trace, exception or Java class name
 * in it, and the stored data must be the same afterwards.
 *
 * <p>Requests are sent as an administrator, so they get past authorization into validation; forms
 * and lines, which only company accounts write, are sent as an account of the fixture company, and
 * review decisions as the administrator, who may act for any port. Every bad body is a body with
 * <em>one</em> property set to a bad value and nothing else, which no operation accepts as a whole
 * (a required field is always missing). Where a body has a single property (a suspension reason, a
 * new password), a one-property body could be valid, so it is sent to a record that does not exist.
 * A draft may be incomplete, so a form body also names an unknown pickup port (or, when the pickup
 * port is the property under test, an unknown access port), which the draft box refuses. The
 * fixture line is returned (not in any review queue) and the fixture draft is only changed with a
 * bad body, a bad If-Match or a bad Idempotency-Key. Query and path parameters never name a valid
 * record. So nothing may change. Failed logins are recorded (they are meant to be) and audit events
 * are written for them: neither is part of the fingerprint.
 *
 * <p>A few requests never reach PortPass: Jetty refuses a NUL or {@code ..;} in a path segment
 * (400), a URI over 8 KiB (414), and an encoded path that climbs out of {@code /api/v1}. Those are
 * counted apart, as answered by the HTTP server before PortPass, and judged like every other
 * answer: problem+json, with PortPass's server-wide error handler. Every error answer must be
 * problem+json, empty-bodied ones included. {@link #protocolErrorsAreProblems} sends what Java's
 * HTTP client cannot (raw spaces, control bytes, TRACE, CONNECT), and {@link
 * #strictInputInValidRequestsIsRefusedAndChangesNothing} puts each bad value alone into an
 * otherwise valid body for an existing record, with the database tables as the fingerprint.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BadInputIT {
  private static final long MISSING_ID = 999_999_999L;

  /** Writes every non-ASCII character as an escape, so lone surrogates reach the server as such. */
  private static final ObjectMapper ESCAPING =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** What must never appear in an answer: stack traces, exception names, Java class names. */
  private static final List<Pattern> LEAKS =
      List.of(
          Pattern.compile("Exception"),
          Pattern.compile("Caused by"),
          Pattern.compile("\\bat (?:java|javax|org|com|sun|jdk)\\."),
          // a fully qualified class name such as org.portpass.x.Y or java.lang.Long
          Pattern.compile(
              "\\b(?:java|javax|jakarta|org|com|sun|jdk|io)\\.[a-z_][a-z0-9_]*\\.[A-Za-z_$][\\w$]*"),
          // a Java member in back quotes, as Jackson writes them: `StreamReadFeature.X`
          Pattern.compile("`[A-Z][\\w$]*\\.[\\w$]+"),
          Pattern.compile("(?i)\\b(?:jackson|openjpa|liquibase|jetty|cxf)\\b"));

  /** Strings that are not valid for any field (each body is refused anyway, see above). */
  private static final List<String> BAD_STRINGS =
      List.of(
          "x".repeat(300_000),
          "\u0000",
          "a\u0000b",
          "\ud800",
          "\udfff",
          "x\ud800y",
          "\u202eevil.pdf",
          "😀👨‍👩‍👧‍👦",
          "e\u0301\u0301\u0301",
          "\u200b",
          "\ufeff",
          "\uffff",
          "' OR 1=1 --",
          "'; DROP TABLE company; --",
          "\" OR \"\"=\"",
          "<script>alert(1)</script>",
          "<img src=x onerror=alert(1)>",
          "../../../../etc/passwd",
          "..\\..\\windows\\win.ini",
          "%00",
          "${jndi:ldap://127.0.0.1/a}",
          "{{7*7}}",
          "a\r\nX-Injected: 1",
          "",
          "   ");

  /** Bodies that are not JSON, or not the JSON any operation takes. */
  private static final List<String> MALFORMED =
      List.of(
          "",
          " ",
          "{",
          "}",
          "{\"a\":",
          "{\"a\" 1}",
          "{'a':1}",
          "{\"a\":1,}",
          "{a:1}",
          "[",
          "[]",
          "[{}]",
          "null",
          "true",
          "123",
          "\"text\"",
          "{}",
          "{}{}",
          "{} trailing",
          "\ufeff{",
          "/* comment */ {}",
          "{\"a\":NaN}",
          "{\"a\":undefined}",
          "{\"a\":\"\\x41\"}",
          "{\"a\":\"\\ud800\"}",
          "{\"a\":1e999999}",
          "{\"a\":" + "9".repeat(5000) + "}",
          "[".repeat(20_000),
          "{\"a\":" + "{\"a\":".repeat(20_000),
          "{\"" + "k".repeat(100_000) + "\":1}");

  /** Content types a JSON operation does not take, or cannot read. */
  private static final List<String> WRONG_CONTENT_TYPES =
      List.of(
          "text/plain",
          "application/xml",
          "application/x-www-form-urlencoded",
          "multipart/form-data; boundary=x",
          "application/json; charset=bogus",
          "image/png");

  /** Path segments, already percent-encoded, that name no record. */
  private static final List<String> PATH_TRICKS =
      List.of(
          "..%2F..",
          "..%2F..%2F..%2Fetc%2Fpasswd",
          "%2e%2e",
          "%2e%2e%2f%2e%2e%2fhealth",
          "%252e%252e%252f",
          "%00",
          "a%00b",
          "..;",
          "0;x=1",
          "%20",
          "-1",
          "0",
          "9999999999999999999",
          "1.5",
          "1e3",
          "0x10",
          "%27%20OR%201%3D1%20--",
          "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
          "%E2%80%AE",
          "%F0%9F%98%80",
          "%ED%A0%80",
          "%C0%AE%C0%AE",
          "%FF",
          "%24%7Bjndi%3Aldap%3A%2F%2F127.0.0.1%2Fa%7D",
          "A".repeat(4000),
          "A".repeat(9000));

  /** Bad values of header parameters: none is a usable key or the ETag of any record. */
  private static final Map<String, List<String>> BAD_HEADERS =
      Map.of(
          "Idempotency-Key",
          List.of("", "   ", "k".repeat(101), "k".repeat(4000)),
          "If-Match",
          List.of(
              "abc",
              "\"abc\"",
              "\"-1\"",
              "\"99999999999999999999\"",
              "W/\"999999\"",
              "\"1.5\"",
              "\"1e3\"",
              "' OR 1=1 --",
              "x".repeat(4000)));

  /** Jetty's limit of a request line (and so of a URI) in bytes. */
  private static final int JETTY_URI_LIMIT = 8 * 1024;

  /** The base path of the API: an encoded path that leaves it never reaches PortPass. */
  private static final String API_BASE = "/api/v1";

  /** Query values, already percent-encoded, that are not numbers (nor times, dates, names). */
  private static final List<String> NOT_A_NUMBER =
      List.of(
          "abc",
          "1.5",
          "1e3",
          "0x10",
          "9999999999999999999",
          "%00",
          "%27%20OR%201%3D1%20--",
          "%3Cscript%3E",
          "%ED%A0%80",
          "%F0%9F%98%80",
          "A".repeat(3000));

  /** Query values, already percent-encoded, for free-text parameters: unusual but harmless. */
  private static final List<String> ODD_TEXT =
      List.of(
          "%00",
          "A".repeat(3000),
          "%27%20OR%201%3D1%20--",
          "%27%3B%20DROP%20TABLE%20company%3B%20--",
          "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
          "%25",
          "_",
          "%5C",
          "%E2%80%AE",
          "%F0%9F%98%80",
          "%ED%A0%80",
          "..%2F..%2Fetc%2Fpasswd");

  private static final Set<String> NUMBER_PARAMETERS =
      Set.of("page", "size", "companyId", "version", "since");
  private static final Set<String> TIME_PARAMETERS = Set.of("from", "to");
  private static final Map<String, List<String>> SPECIAL_PARAMETERS =
      Map.of(
          "from",
          List.of("yesterday", "2026-13-45T00:00:00Z", "2026-01-01", "-999999999-01-01T00:00:00Z"),
          "to",
          List.of("tomorrow", "2026-02-30T00:00:00Z", "%2B1000000000-12-31T23:59:59Z"),
          "validUntil",
          List.of("2024-02-30", "tomorrow", "%2B999999999-12-31", "%00"),
          "type",
          List.of("NOPE", "photo%00", "%27%20OR%201%3D1", ""));

  @Inject
  @Filter("(osgi.jndi.service.name=portpass)")
  DataSource dataSource;

  private final Api api = Api.local();

  /** The administrator's token: logging in again after the login fuzz would be throttled. */
  private static String token;

  @Configuration
  public Option[] config() {
    return PortPassContainer.options();
  }

  @Before
  public void logInAsAdministrator() throws InterruptedException {
    api.awaitHealthy();
    if (token == null) {
      Accounts.ensure(Accounts.ADMIN, Set.of(Role.ADMIN), null, Set.of());
      token = api.login(Accounts.ADMIN, Accounts.PASSWORD).token();
    }
  }

  @Test
  public void everyEndpointRefusesBadInputCleanly() throws IOException {
    Api admin = api.withToken(token);
    Fixtures f = new Fixtures(admin);
    String before = fingerprint(admin, f);

    Run run = new Run(admin, api.withToken(f.companyToken));
    JsonNode doc = admin.get("/openapi.json").expect(200).json();
    JsonNode schemas = doc.path("components").path("schemas");
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        Operation operation =
            new Operation(op.getKey().toUpperCase(), path.getKey(), op.getValue(), schemas);
        if (operation.hasBody()) {
          bodies(run, f, operation);
        }
        pathParameters(run, f, operation);
        queryParameters(run, f, operation);
        headerParameters(run, f, operation);
      }
    }

    String after = fingerprint(admin, f);
    System.out.println(
        "bad input: "
            + run.cases
            + " cases (bodies "
            + run.counts.getOrDefault("body", 0)
            + ", path parameters "
            + run.counts.getOrDefault("path", 0)
            + ", query parameters "
            + run.counts.getOrDefault("query", 0)
            + ", header parameters "
            + run.counts.getOrDefault("header", 0)
            + "), "
            + run.violations.size()
            + " violations");
    System.out.println(
        "rejected by the HTTP server before PortPass: "
            + run.beforePortPass.values().stream().mapToInt(Integer::intValue).sum()
            + " of the "
            + run.cases
            + " cases "
            + run.beforePortPass);
    run.violations.forEach(v -> System.out.println("VIOLATION " + v));
    // the battery is generated from the OpenAPI document: far fewer cases means it lost endpoints
    assertTrue("only " + run.cases + " bad-input cases were sent", run.cases >= 6_000);
    StringBuilder failure = new StringBuilder();
    if (!before.equals(after)) {
      failure.append("stored data changed:\n  before ").append(before).append("\n  after  ");
      failure.append(after).append('\n');
    }
    if (!run.violations.isEmpty()) {
      // worst first: server errors, accepted bad input, leaks, then answers that are not problems
      Map<String, List<Violation>> byKind = new TreeMap<>();
      run.violations.forEach(v -> byKind.computeIfAbsent(v.kind(), k -> new ArrayList<>()).add(v));
      failure.append(run.violations.size()).append(" bad answers (all in the test output):\n");
      byKind.forEach(
          (kind, list) -> {
            failure.append("  ").append(kind).append(": ").append(list.size()).append(", e.g.\n");
            list.stream().limit(6).forEach(v -> failure.append("    ").append(v).append('\n'));
          });
    }
    if (failure.length() > 0) {
      fail("bad input, " + run.cases + " cases: " + failure);
    }
  }

  /**
   * A request body over the server's limit gets 413 too-large, not a 400 after reading and parsing
   * all of it, nor a server error: attachments over maxBytes (5 MiB) or the hard 32 MiB, JSON
   * bodies over 4 MiB.
   */
  @Test
  public void bodiesOverTheLimitGet413() {
    Api admin = api.withToken(token);
    long company =
        admin
            .post("/companies", Samples.company(Samples.taxId(), "Limit Co"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    byte[] sixMiB = new byte[6 * 1024 * 1024];
    System.arraycopy(Samples.pdf(), 0, sixMiB, 0, Samples.pdf().length);
    raw(
            admin,
            "POST",
            "/companies/" + company + "/attachments?type=OTHER",
            "application/pdf",
            sixMiB)
        .problem(413, "too-large");
    byte[] fortyMiB = new byte[40 * 1024 * 1024];
    raw(
            admin,
            "POST",
            "/companies/" + company + "/attachments?type=OTHER",
            "application/pdf",
            fortyMiB)
        .problem(413, "too-large");

    // JSON bodies: 4 MiB at most (JsonProvider.MAX_BODY); just over it, and far over it
    for (int mebibytes : List.of(5, 40)) {
      String name = "x".repeat(mebibytes * 1024 * 1024);
      byte[] json = ("{\"name\":\"" + name + "\"}").getBytes(StandardCharsets.US_ASCII);
      Api.Reply reply = raw(admin, "POST", "/companies", "application/json", json);
      assertFalse("a " + mebibytes + " MiB JSON body got a server error", reply.status() >= 500);
      assertEquals(
          "a " + mebibytes + " MiB JSON body: " + new String(reply.bytes(), StandardCharsets.UTF_8),
          413,
          reply.status());
      reply.problem(413, "too-large");
      // before authentication too: a public endpoint
      raw(admin.anonymous(), "POST", "/auth/login", "application/json", json)
          .problem(413, "too-large");
    }
  }

  /**
   * A JSON body in a character set the JVM does not know gets a 415 problem, from public and
   * signed-in endpoints alike, old and new ones, instead of a servlet error page.
   */
  @Test
  public void anUnknownCharsetGets415() {
    Api admin = api.withToken(token);
    byte[] body = "{}".getBytes(StandardCharsets.US_ASCII);
    for (String type :
        List.of(
            "application/json; charset=bogus",
            "application/json; charset=\"no-such-charset\"",
            "application/json; charset=x?y")) {
      for (String path :
          List.of(
              "/companies",
              "/forms",
              "/reviews/KEL/REVIEW/decisions",
              "/lines/" + MISSING_ID + "/resubmit")) {
        raw(admin, "POST", path, type, body).problem(415, "http-415");
      }
      raw(admin, "PUT", "/forms/" + MISSING_ID + "?version=1", type, body).problem(415, "http-415");
      raw(admin.anonymous(), "POST", "/auth/login", type, body).problem(415, "http-415");
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Protocol-level errors and strict input in otherwise valid requests

  /**
   * Requests that the HTTP server refuses before PortPass runs (or that no resource serves) are
   * answered like every other error: problem+json with the status of the failure, a request id and
   * the security headers, never an HTML page, a Jetty JSON body or an empty body.
   */
  @Test
  public void protocolErrorsAreProblems() {
    BoundHttp http = new BoundHttp("127.0.0.1");
    String host = "Host: 127.0.0.1\r\nConnection: close\r\n";
    Map<String, String> requests = new LinkedHashMap<>();
    requests.put("NUL in the path", "GET /api/v1/persons/%00 HTTP/1.1\r\n" + host + "\r\n");
    requests.put("raw space in the path", "GET /api/v1/per sons/1 HTTP/1.1\r\n" + host + "\r\n");
    requests.put(
        "..%2f segments", "GET /api/v1/persons/..%2f..%2fhealth HTTP/1.1\r\n" + host + "\r\n");
    requests.put(
        "encoded dot segments", "GET /api/v1/%2e%2e/%2e%2e/x HTTP/1.1\r\n" + host + "\r\n");
    requests.put("..; segment", "GET /api/v1/..;/health HTTP/1.1\r\n" + host + "\r\n");
    requests.put(
        "URI over the limit",
        "GET /api/v1/persons?name=" + "a".repeat(20_000) + " HTTP/1.1\r\n" + host + "\r\n");
    requests.put(
        "header over the limit",
        "GET /api/v1/health HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(20_000) + "\r\n\r\n");
    requests.put("TRACE", "TRACE /api/v1/health HTTP/1.1\r\n" + host + "\r\n");
    requests.put("CONNECT", "CONNECT 127.0.0.1:22 HTTP/1.1\r\n" + host + "\r\n");
    requests.put(
        "control byte in a header",
        "POST /api/v1/forms/1/submit HTTP/1.1\r\n" + host + "Idempotency-Key: ab\u0001cd\r\n\r\n");
    requests.put("no Host header", "GET /api/v1/health HTTP/1.1\r\nConnection: close\r\n\r\n");
    requests.put("unknown HTTP version", "GET /api/v1/health HTTP/9.9\r\n" + host + "\r\n");
    requests.put("garbage request line", "GARBAGE\r\n\r\n");
    requests.put("outside the API", "GET /nothing-here HTTP/1.1\r\n" + host + "\r\n");
    requests.put("unknown API path", "GET /api/v1/nothing-here HTTP/1.1\r\n" + host + "\r\n");
    requests.put("wrong method", "DELETE /api/v1/health HTTP/1.1\r\n" + host + "\r\n");
    requests.put(
        "unacceptable media type",
        "GET /api/v1/openapi.json HTTP/1.1\r\n" + host + "Accept: application/xml\r\n\r\n");
    requests.put(
        "unsupported media type",
        "POST /api/v1/auth/login HTTP/1.1\r\n"
            + host
            + "Content-Type: text/plain\r\nContent-Length: 2\r\n\r\nhi");
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, String> request : requests.entrySet()) {
      BoundHttp.Reply reply = http.raw(request.getValue().getBytes(StandardCharsets.ISO_8859_1));
      String seen =
          request.getKey()
              + " -> "
              + reply.status()
              + " "
              + reply.headers()
              + " "
              + cut(reply.body());
      boolean version = request.getKey().equals("unknown HTTP version") && reply.status() == 505;
      if (!version && (reply.status() < 400 || reply.status() >= 500)) {
        problems.add("not a 4xx: " + seen);
        continue;
      }
      if (!"application/problem+json".equals(reply.header("Content-Type"))) {
        problems.add("not problem+json: " + seen);
        continue;
      }
      JsonNode body = reply.json();
      if (body.path("status").asInt() != reply.status()
          || !body.path("type").asText().startsWith("urn:portpass:problem:")) {
        problems.add("not a problem of its status: " + seen);
      }
      if (reply.header("X-Request-Id") == null
          || !"nosniff".equals(reply.header("X-Content-Type-Options"))
          || !"DENY".equals(reply.header("X-Frame-Options"))
          || reply.header("Content-Security-Policy") == null) {
        problems.add("security headers or request id missing: " + seen);
      }
      if (LEAKS.stream().anyMatch(leak -> leak.matcher(reply.body()).find())) {
        problems.add("leaks internals: " + seen);
      }
    }
    System.out.println(
        "protocol-level errors: " + requests.size() + " cases, " + problems.size() + " bad");
    problems.forEach(p -> System.out.println("PROTOCOL " + p));
    assertEquals(String.join("\n", problems), List.of(), problems);
  }

  /**
   * The public health check tells anonymous callers the status alone, no JDBC URL or error text.
   */
  @Test
  public void healthTellsAnonymousCallersTheStatusAlone() {
    JsonNode anonymous = api.anonymous().get("/health").expect(200).json();
    assertEquals(anonymous.toString(), List.of("status"), fieldNames(anonymous));
    JsonNode admin = api.withToken(token).get("/health").expect(200).json();
    assertTrue(admin.toString(), admin.path("database").has("url"));
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * Issue 15's rule for bad input: a bad value inside an otherwise valid body, sent to a record
   * that exists, so the bad value is the only fault. Each class of strict input (dates, types,
   * duplicate keys, encodings, nationalities, files that are not what they claim, repeated query
   * parameters) gets a 400 problem, and the database tables are the same afterwards. At the end the
   * same bodies with the good value are accepted, which proves that the bad value was the only
   * fault.
   */
  @Test
  public void strictInputInValidRequestsIsRefusedAndChangesNothing() throws Exception {
    Api admin = api.withToken(token);
    Fixtures f = new Fixtures(admin);
    Api clerk = api.withToken(f.companyToken);
    JsonNode person = admin.get("/persons/" + f.person).expect(200).json();
    ObjectNode goodPerson = NODES.objectNode();
    for (String field :
        List.of(
            "identityKind",
            "identityNumber",
            "nameZh",
            "nameEn",
            "birthDate",
            "phone",
            "version")) {
      if (person.hasNonNull(field)) {
        goodPerson.set(field, person.get(field));
      }
    }
    // every field but the one under test carries a new, valid value: a refusal that still wrote
    // one of them (a partial write before a later check) shows in the tables
    goodPerson.put("phone", "02-8765-4321");
    goodPerson.put("birthDate", "1981-02-03");
    JsonNode draft = clerk.get("/forms/" + f.draft).expect(200).json();
    ObjectNode goodForm = NODES.objectNode();
    goodForm.set("passType", draft.get("passType"));
    goodForm.set("accessPorts", draft.get("accessPorts"));
    goodForm.set("pickupPort", draft.get("pickupPort"));
    goodForm.set("purpose", draft.get("purpose"));
    ObjectNode goodLine = goodForm.putArray("lines").addObject();
    JsonNode line = draft.path("lines").path(0);
    goodLine.set("subjectKind", line.get("subjectKind"));
    goodLine.set("subjectId", line.get("subjectId"));
    goodLine.set("validFrom", line.get("validFrom"));
    goodLine.set("validTo", line.get("validTo"));
    goodLine.putArray("attachmentIds");
    String personPath = "/persons/" + f.person;
    String formPath = "/forms/" + f.draft + "?version=" + f.draftVersion;

    String before = tables();
    List<String> problems = new ArrayList<>();
    int cases = 0;
    // dates: a time part, a sign, five digits, out of 1900-2199, not a string
    for (String bad :
        List.of(
            "\"1990-01-01T00:00:00Z\"",
            "\"-0001-01-01\"",
            "\"+10000-01-01\"",
            "\"10000-01-01\"",
            "\"1899-12-31\"",
            "\"2200-01-01\"",
            "[1990,1,1]",
            "19900101")) {
      cases += refused(problems, admin, "PUT", personPath, with(goodPerson, "birthDate", bad));
      cases += refused(problems, clerk, "PUT", formPath, withLine(goodForm, "validTo", bad));
      cases += refused(problems, clerk, "PUT", formPath, withLine(goodForm, "validFrom", bad));
    }
    // values the JSON layer passes and only the service refuses (an identity number of no known
    // form, a name over 255 characters, a birth date after today): the service's own checks, too,
    // run before any write
    cases +=
        refused(problems, admin, "PUT", personPath, with(goodPerson, "identityNumber", "\"Q1\""));
    cases +=
        refused(
            problems,
            admin,
            "PUT",
            personPath,
            with(goodPerson, "birthDate", "\"" + LocalDate.now().plusDays(2) + "\""));
    cases +=
        refused(
            problems,
            admin,
            "PUT",
            personPath,
            with(goodPerson, "nameEn", "\"" + "x".repeat(300) + "\""));
    // numbers and booleans are not text
    for (String bad : List.of("12", "1.5", "true", "false")) {
      cases += refused(problems, admin, "PUT", personPath, with(goodPerson, "nameEn", bad));
      cases += refused(problems, clerk, "PUT", formPath, with(goodForm, "purpose", bad));
    }
    // duplicate keys: the second value must not win
    String person1 = ESCAPING.writeValueAsString(goodPerson);
    cases +=
        refused(
            problems,
            admin,
            "PUT",
            personPath,
            person1.replace("{", "{\"nameEn\":\"First Name\",").getBytes(StandardCharsets.UTF_8));
    cases +=
        refused(
            problems,
            api.anonymous(),
            "POST",
            "/auth/login",
            ("{\"username\":\"nobody\",\"username\":\""
                    + Accounts.ADMIN
                    + "\",\"password\":\""
                    + Accounts.PASSWORD
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8));
    // encodings: overlong UTF-8, Latin-1 and UTF-16 declared as UTF-8
    cases +=
        refused(
            problems,
            admin,
            "PUT",
            personPath,
            replaceName(person1, new byte[] {'A', (byte) 0xc0, (byte) 0xaf, 'B'}));
    cases +=
        refused(
            problems,
            admin,
            "PUT",
            personPath,
            replaceName(person1, new byte[] {'J', 'o', 's', (byte) 0xe9}));
    cases += refused(problems, admin, "PUT", personPath, person1.getBytes(StandardCharsets.UTF_16));
    cases +=
        refused(problems, admin, "PUT", personPath, person1.getBytes(StandardCharsets.UTF_16LE));
    // lists over their documented maximum (20 attachments; the ids are joined into one column)
    ArrayNode ids = NODES.arrayNode();
    for (int i = 0; i < 21; i++) {
      ids.add(MISSING_ID - i);
    }
    cases +=
        refused(
            problems,
            clerk,
            "PUT",
            formPath,
            with(goodForm, "companyAttachmentIds", ids.toString()));
    cases +=
        refused(
            problems, clerk, "PUT", formPath, withLine(goodForm, "attachmentIds", ids.toString()));
    // a nationality that is no country
    Map<String, Object> passport = new LinkedHashMap<>();
    passport.put("identityKind", "PASSPORT");
    passport.put("identityNumber", "X" + f.taxId);
    passport.put("nationality", "XXX");
    passport.put("nameZh", "外國人");
    passport.put("nameEn", "Foreign Visitor");
    passport.put("birthDate", "1985-05-05");
    passport.put("companyId", f.company);
    cases += refused(problems, admin, "POST", "/persons", ESCAPING.writeValueAsBytes(passport));
    // files that are not what they claim in full, dates and repeated parameters on uploads
    byte[] png = Samples.png();
    String upload = personPath + "/attachments?type=";
    cases +=
        refusedFile(
            problems,
            admin,
            upload + "PHOTO",
            "image/png",
            concat(java.util.Arrays.copyOf(png, 16), "\n#!/bin/sh\nid\n"));
    cases +=
        refusedFile(problems, admin, upload + "PHOTO", "image/png", concat(png, "#!/bin/sh\nid\n"));
    cases +=
        refusedFile(
            problems,
            admin,
            upload + "OTHER",
            "application/pdf",
            "%PDF-1.4\n<html><script>alert(1)</script></html>\n"
                .getBytes(StandardCharsets.US_ASCII));
    cases += refusedFile(problems, admin, upload + "PHOTO&type=OTHER", "image/png", png);
    cases +=
        refusedFile(
            problems,
            admin,
            upload + "OTHER&validUntil=10000-01-01",
            "application/pdf",
            Samples.pdf());
    cases +=
        refusedFile(
            problems,
            admin,
            upload + "OTHER&validUntil=2030-01-01T00:00:00Z",
            "application/pdf",
            Samples.pdf());
    cases +=
        refusedFile(
            problems,
            admin,
            upload + "OTHER&validUntil=-0001-01-01",
            "application/pdf",
            Samples.pdf());
    // a repeated query parameter is ambiguous, not "the first one"
    Api.Reply repeated = admin.get("/persons?companyId=" + f.company + "&companyId=" + MISSING_ID);
    cases++;
    if (repeated.status() != 400
        || !"application/problem+json".equals(repeated.header("Content-Type"))) {
      problems.add(
          "repeated companyId -> "
              + repeated.status()
              + " "
              + cut(new String(repeated.bytes(), StandardCharsets.UTF_8)));
    }
    // a violation and a violation type: bad dates, an unknown type or port, text over its limit,
    // a ban out of range, inside otherwise valid bodies
    ObjectNode goodViolation = NODES.objectNode();
    goodViolation.put("subjectKind", "PERSON");
    goodViolation.put("subjectId", f.person);
    goodViolation.put("type", "OVERSTAY");
    goodViolation.put("occurredOn", LocalDate.now(ZoneId.of("Asia/Taipei")).toString());
    goodViolation.put("port", "KEL");
    goodViolation.put("note", "seen at gate 3");
    for (String bad :
        List.of(
            "\"1990-01-01T00:00:00Z\"",
            "\"+10000-01-01\"",
            "[1990,1,1]",
            "\"" + LocalDate.now(ZoneId.of("Asia/Taipei")).plusDays(2) + "\"",
            "\"" + LocalDate.now(ZoneId.of("Asia/Taipei")).minusYears(2) + "\"")) {
      cases +=
          refused(problems, admin, "POST", "/violations", with(goodViolation, "occurredOn", bad));
    }
    cases +=
        refused(problems, admin, "POST", "/violations", with(goodViolation, "type", "\"NO_SUCH\""));
    cases +=
        refused(problems, admin, "POST", "/violations", with(goodViolation, "port", "\"NOSUCH\""));
    cases +=
        refused(
            problems,
            admin,
            "POST",
            "/violations",
            with(goodViolation, "note", "\"" + "x".repeat(1001) + "\""));
    ObjectNode goodType = NODES.objectNode();
    goodType.put("nameEn", "Bad input type");
    goodType.put("nameZhTw", "錯誤輸入類型");
    goodType.put("banMonths", 2);
    goodType.put("singleVisitAllowed", true);
    String typePath = "/violation-types/BAD_INPUT?port=KEL";
    cases += refused(problems, admin, "PUT", typePath, with(goodType, "banMonths", "999"));
    cases += refused(problems, admin, "PUT", typePath, with(goodType, "banMonths", "\"two\""));
    cases +=
        refused(
            problems,
            admin,
            "PUT",
            typePath,
            with(goodType, "nameEn", "\"" + "x".repeat(201) + "\""));
    cases +=
        refused(
            problems,
            admin,
            "PUT",
            "/violation-types/9X?port=KEL",
            ESCAPING.writeValueAsBytes(goodType));
    // a gate's passage report with one bad value: a time in the future, before 2020 or a date
    // only, a result, zone or port that is no code, a code that is not one
    ObjectNode goodPassage = NODES.objectNode();
    goodPassage.put("code", throwawayCode());
    goodPassage.put("port", "KEL");
    goodPassage.put("zone", "A1");
    goodPassage.put("time", java.time.Instant.now().toString());
    goodPassage.put("result", "ok");
    for (String[] bad :
        List.of(
            new String[] {"time", "\"" + java.time.Instant.now().plusSeconds(3600) + "\""},
            new String[] {"time", "\"2019-12-31T23:59:59Z\""},
            new String[] {"time", "\"2026-12-04\""},
            new String[] {"result", "\"OK!\""},
            new String[] {"result", "\"\""},
            new String[] {"zone", "\"" + "z".repeat(17) + "\""},
            new String[] {"zone", "\"A 1\""},
            new String[] {"port", "\"K1\""},
            new String[] {"code", "\"PP1.abc\""},
            new String[] {"code", "12"})) {
      cases +=
          refused(problems, admin, "POST", "/gate-passages", with(goodPassage, bad[0], bad[1]));
    }
    String after = tables();
    System.out.println(
        "strict input in valid requests: " + cases + " cases, " + problems.size() + " bad");
    problems.forEach(p -> System.out.println("STRICT " + p));
    assertEquals("case count", 74, cases);
    assertEquals(String.join("\n", problems), List.of(), problems);
    assertEquals("the database changed after refusals", before, after);

    // the same requests with good values are accepted: the bad value was the only fault
    admin.send(json("PUT", admin, personPath, ESCAPING.writeValueAsBytes(goodPerson))).expect(200);
    clerk.send(json("PUT", clerk, formPath, ESCAPING.writeValueAsBytes(goodForm))).expect(200);
    passport.put("nationality", "PHL");
    admin.post("/persons", passport).expect(201);
    raw(admin, "POST", upload + "PHOTO", "image/png", png).expect(201);
    raw(admin, "POST", upload + "OTHER&validUntil=2030-01-01", "application/pdf", Samples.pdf())
        .expect(201);
    admin
        .send(json("POST", admin, "/violations", ESCAPING.writeValueAsBytes(goodViolation)))
        .expect(201);
    admin.send(json("PUT", admin, typePath, ESCAPING.writeValueAsBytes(goodType))).expect(200);
    admin
        .send(json("POST", admin, "/gate-passages", ESCAPING.writeValueAsBytes(goodPassage)))
        .expect(201);
  }

  /** A pass code signed with a key of its own: shaped right, so a gate may report it. */
  private static String throwawayCode() throws java.security.GeneralSecurityException {
    return new org.portpass.card.PassCode(
            "KEL-2026-9999999",
            "KEL-2026-9999999-C1",
            LocalDate.now(),
            LocalDate.now().plusDays(1),
            List.of("KEL"))
        .sign(java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate());
  }

  private static byte[] concat(byte[] head, String tail) {
    byte[] t = tail.getBytes(StandardCharsets.US_ASCII);
    byte[] all = java.util.Arrays.copyOf(head, head.length + t.length);
    System.arraycopy(t, 0, all, head.length, t.length);
    return all;
  }

  /** The body with nameEn's value replaced by raw bytes. */
  private static byte[] replaceName(String body, byte[] name) {
    int at = body.indexOf("\"nameEn\":\"") + "\"nameEn\":\"".length();
    int end = body.indexOf('"', at);
    byte[] head = body.substring(0, at).getBytes(StandardCharsets.UTF_8);
    byte[] tail = body.substring(end).getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + name.length + tail.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(name, 0, all, head.length, name.length);
    System.arraycopy(tail, 0, all, head.length + name.length, tail.length);
    return all;
  }

  private static byte[] with(ObjectNode good, String field, String rawValue) throws IOException {
    ObjectNode copy = good.deepCopy();
    copy.set(field, ESCAPING.readTree(rawValue));
    return ESCAPING.writeValueAsBytes(copy);
  }

  private static byte[] withLine(ObjectNode good, String field, String rawValue)
      throws IOException {
    ObjectNode copy = good.deepCopy();
    ((ObjectNode) copy.path("lines").path(0)).set(field, ESCAPING.readTree(rawValue));
    return ESCAPING.writeValueAsBytes(copy);
  }

  private static HttpRequest.Builder json(String method, Api caller, String path, byte[] body) {
    return HttpRequest.newBuilder(caller.uri(path))
        .header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
  }

  /** Sends one bad request and notes it unless it is a 400 problem; always one case. */
  private static int refused(
      List<String> problems, Api caller, String method, String path, byte[] body) {
    judge(
        problems,
        method + " " + path + " " + cut(new String(body, StandardCharsets.UTF_8)),
        caller.send(json(method, caller, path, body)));
    return 1;
  }

  private static int refusedFile(
      List<String> problems, Api caller, String path, String type, byte[] body) {
    judge(problems, "POST " + path + " [" + type + "]", raw(caller, "POST", path, type, body));
    return 1;
  }

  private static void judge(List<String> problems, String request, Api.Reply reply) {
    String text = new String(reply.bytes(), StandardCharsets.UTF_8);
    if (reply.status() != 400 || !"application/problem+json".equals(reply.header("Content-Type"))) {
      problems.add(request + " -> " + reply.status() + " " + cut(text));
    }
  }

  private static String cut(String text) {
    String oneLine = text.replace("\n", " ").replace("\r", " ");
    return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
  }

  /**
   * Every table of the database with its rows (order-independent), except those a refusal may
   * rightly write to: the audit trail and the login throttle's failures and locks.
   */
  /**
   * A column's value as its content: Derby answers BLOB and CLOB columns with a fresh locator
   * object per query, whose toString differs every time.
   */
  private static Object printable(Object value) throws SQLException {
    if (value instanceof java.sql.Blob blob) {
      return java.util.Arrays.hashCode(blob.getBytes(1, (int) blob.length()));
    }
    if (value instanceof java.sql.Clob clob) {
      return clob.getSubString(1, (int) clob.length()).hashCode();
    }
    return value instanceof byte[] b ? java.util.Arrays.hashCode(b) : value;
  }

  private String tables() throws SQLException {
    Set<String> skipped =
        Set.of(
            "audit_event",
            "login_failure",
            "login_lock",
            "databasechangelog",
            "databasechangeloglock");
    StringBuilder print = new StringBuilder();
    try (Connection c = dataSource.getConnection()) {
      List<String> names = new ArrayList<>();
      try (ResultSet t = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (t.next()) {
          String schema = t.getString("TABLE_SCHEM");
          String name = t.getString("TABLE_NAME");
          if (schema != null
              && (schema.equalsIgnoreCase("SYS")
                  || schema.toLowerCase(Locale.ROOT).startsWith("pg_")
                  || schema.equalsIgnoreCase("information_schema"))) {
            continue;
          }
          if (!skipped.contains(name.toLowerCase(Locale.ROOT))) {
            names.add((schema == null ? "" : schema + ".") + name);
          }
        }
      }
      java.util.Collections.sort(names);
      for (String table : names) {
        List<String> rows = new ArrayList<>();
        try (java.sql.Statement s = c.createStatement();
            ResultSet r = s.executeQuery("SELECT * FROM " + table)) {
          int columns = r.getMetaData().getColumnCount();
          while (r.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
              row.append(printable(r.getObject(i))).append('|');
            }
            rows.add(row.toString());
          }
        }
        java.util.Collections.sort(rows);
        print
            .append(table)
            .append(' ')
            .append(rows.size())
            .append(' ')
            .append(rows.hashCode())
            .append('\n');
      }
    }
    if (print.length() == 0) {
      throw new AssertionError("no tables found to fingerprint");
    }
    return print.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // The battery

  private void bodies(Run run, Fixtures f, Operation op) throws IOException {
    if (!op.isJson()) {
      uploads(run, f, op);
      return;
    }
    String path = op.path(f, op.properties().size() <= 1);
    boolean draftBox = op.isDraftBox();
    if (draftBox && op.method.equals("PUT")) {
      path += "?version=" + f.draftVersion; // the draft's own version: the body is what is refused
    }
    // an empty object is a valid (empty) draft: the draft box gets the unknown port instead
    byte[] empty =
        draftBox
            ? ESCAPING.writeValueAsBytes(poisoned("", NODES.objectNode()))
            : "{}".getBytes(StandardCharsets.UTF_8);
    for (String body : MALFORMED) {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      run.send("body", op, path, "application/json", body.equals("{}") ? empty : bytes, true);
    }
    run.send(
        "body",
        op,
        path,
        "application/json",
        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'},
        true);
    for (String type : WRONG_CONTENT_TYPES) {
      run.send("body", op, path, type, empty, true);
    }
    run.send("body", op, path, null, empty, true);
    for (Map.Entry<String, JsonNode> property : op.properties().entrySet()) {
      for (JsonNode value : badValues(property.getValue(), op.schemas)) {
        ObjectNode body = NODES.objectNode();
        body.set(property.getKey(), value);
        if (draftBox) {
          poisoned(property.getKey(), body);
        }
        run.send("body", op, path, "application/json", ESCAPING.writeValueAsBytes(body), true);
      }
    }
    ObjectNode unknown = NODES.objectNode();
    unknown.put("no-such-property", "x");
    run.send("body", op, path, "application/json", ESCAPING.writeValueAsBytes(unknown), true);
  }

  /**
   * A form body that the draft box refuses whatever else it holds: an unknown pickup port, or an
   * unknown access port when the pickup port is the property under test.
   */
  private static ObjectNode poisoned(String property, ObjectNode body) {
    if (property.equals("pickupPort")) {
      body.set("accessPorts", NODES.arrayNode().add("NOSUCH"));
    } else {
      body.put("pickupPort", "NOSUCH");
    }
    return body;
  }

  /** Header parameters (Idempotency-Key, If-Match) with values that are no key or ETag. */
  private void headerParameters(Run run, Fixtures f, Operation op) throws IOException {
    for (String name : op.parameters("header")) {
      List<String> values = BAD_HEADERS.get(name);
      if (values == null) {
        continue;
      }
      String path = op.path(f, false);
      byte[] body = null;
      String type = null;
      if (op.isJson()) {
        type = "application/json";
        body =
            op.isDraftBox()
                ? ESCAPING.writeValueAsBytes(poisoned("", NODES.objectNode()))
                : "{}".getBytes(StandardCharsets.UTF_8);
      }
      for (String value : values) {
        run.send("header", op, path, type, body, true, Map.of(name, value));
      }
    }
  }

  /** Values of the wrong type, or of the right type but no good, for one property. */
  private static List<JsonNode> badValues(JsonNode schema, JsonNode schemas) {
    schema = resolve(schema, schemas);
    List<JsonNode> values = new ArrayList<>();
    String type = schema.path("type").asText();
    switch (type) {
      case "string" -> {
        values.addAll(nodes(123, 1.5, true, false));
        values.add(NODES.objectNode());
        values.add(NODES.arrayNode().add("x"));
        if (schema.has("enum")) {
          values.addAll(nodes("NOPE", "admin", " ", "0", 0, 1));
        } else if (schema.path("format").asText().equals("date")) {
          values.addAll(
              nodes("2024-13-45", "2024-02-30", "yesterday", "+999999999-12-31", 20240101, ""));
        } else {
          BAD_STRINGS.forEach(s -> values.add(NODES.textNode(s)));
        }
      }
      case "integer", "number" -> {
        values.addAll(nodes("abc", "", true, "1", 1.5));
        values.add(NODES.objectNode());
        values.add(NODES.arrayNode().add(1));
        values.add(NODES.numberNode(new java.math.BigInteger("99999999999999999999")));
        values.add(NODES.numberNode(new java.math.BigInteger("-9223372036854775809")));
        values.add(NODES.numberNode(new java.math.BigDecimal("1e400")));
      }
      case "array" -> {
        values.addAll(nodes("x", 1));
        values.add(NODES.objectNode());
        values.add(NODES.arrayNode().add(NODES.nullNode()));
        values.add(NODES.arrayNode().add(NODES.arrayNode()));
        JsonNode items = resolve(schema.path("items"), schemas);
        if (items.path("type").asText().equals("object")) {
          values.add(NODES.arrayNode().add(1));
          values.add(NODES.arrayNode().add("x"));
          ObjectNode unknown = NODES.objectNode().put("no-such-property", 1);
          values.add(NODES.arrayNode().add(unknown));
          for (Map.Entry<String, JsonNode> field : properties(items)) {
            for (JsonNode bad : badValues(field.getValue(), schemas)) {
              if (bad.isTextual() && bad.asText().length() > 1000) {
                continue; // one huge string per body is enough
              }
              ObjectNode element = NODES.objectNode();
              element.set(field.getKey(), bad);
              values.add(NODES.arrayNode().add(element));
            }
          }
          ArrayNode many = NODES.arrayNode();
          for (int i = 0; i < 10_000; i++) {
            many.add(NODES.objectNode().put("name", "n" + i));
          }
          values.add(many);
        } else {
          values.add(NODES.arrayNode().add(NODES.objectNode()));
          for (JsonNode bad : badValues(items, schemas)) {
            values.add(NODES.arrayNode().add(bad));
          }
          ArrayNode many = NODES.arrayNode();
          for (int i = 0; i < 10_000; i++) {
            many.add("x" + i);
          }
          values.add(many);
        }
      }
      default -> {
        values.addAll(nodes("x", 1));
        values.add(NODES.arrayNode());
      }
    }
    return values;
  }

  private static List<JsonNode> nodes(Object... values) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Object value : values) {
      nodes.add(ESCAPING.valueToTree(value));
    }
    return nodes;
  }

  /** The attachment upload: the body is the file. None of these is a JPEG, PNG or PDF file. */
  private void uploads(Run run, Fixtures f, Operation op) {
    String path = op.path(f, false) + "?type=OTHER&fileName=fuzz.bin";
    byte[] png = Samples.png();
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("application/pdf", new byte[0]);
    files.put(
        "image/png", "MZ\u0090\u0000 this is an executable".getBytes(StandardCharsets.ISO_8859_1));
    files.put("image/jpeg", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
    files.put(
        "application/octet-stream",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
            .getBytes(StandardCharsets.UTF_8));
    files.put("application/pdf; x=1", "%PDX-1.4 not quite".getBytes(StandardCharsets.US_ASCII));
    files.put("text/plain", "hello".getBytes(StandardCharsets.US_ASCII));
    files.put("application/json", "{}".getBytes(StandardCharsets.US_ASCII));
    files.put("image/gif", "GIF89a".getBytes(StandardCharsets.US_ASCII));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      run.send("body", op, path, file.getKey(), file.getValue(), true);
    }
    run.send("body", op, path, null, "x".getBytes(StandardCharsets.US_ASCII), true);
    // a real PNG declared as a PDF: refused for the contradiction
    run.send("body", op, path, "application/pdf", png, true);
    // over the limit (maxBytes is 5 MiB): 413
    byte[] big = new byte[6 * 1024 * 1024];
    System.arraycopy(png, 0, big, 0, png.length);
    run.send("body", op, path, "application/octet-stream", big, true);
  }

  private void pathParameters(Run run, Fixtures f, Operation op) {
    for (String name : op.pathParameters()) {
      // a port code is no record: the administrator, who may look at any port, gets an empty
      // review queue for a port that does not exist (no one else gets past the port check)
      boolean refuse = !(op.method.equals("GET") && name.equals("port"));
      for (String trick : PATH_TRICKS) {
        String path = op.path(f, false, Map.of(name, trick));
        if (op.isJson()) {
          run.send(
              "path", op, path, "application/json", "{}".getBytes(StandardCharsets.UTF_8), true);
        } else if (op.hasBody()) {
          run.send("path", op, path + "?type=OTHER", "application/pdf", new byte[0], true);
        } else {
          run.send("path", op, path, null, null, refuse);
        }
      }
    }
  }

  private void queryParameters(Run run, Fixtures f, Operation op) {
    for (String name : op.queryParameters()) {
      List<String> refused = new ArrayList<>();
      List<String> harmless = new ArrayList<>();
      if (NUMBER_PARAMETERS.contains(name)) {
        refused.addAll(NOT_A_NUMBER);
        harmless.add("-1");
      } else if (TIME_PARAMETERS.contains(name) || SPECIAL_PARAMETERS.containsKey(name)) {
        refused.addAll(SPECIAL_PARAMETERS.get(name));
        refused.addAll(NOT_A_NUMBER);
      } else {
        harmless.addAll(ODD_TEXT);
      }
      // the upload has an empty body here, so it is refused whatever the parameter
      boolean upload = op.hasBody() && !op.isJson();
      String base = op.path(f, false);
      for (String value : refused) {
        query(run, op, base, name, value, true);
      }
      for (String value : harmless) {
        query(run, op, base, name, value, upload || op.method.equals("DELETE"));
      }
      if (op.method.equals("GET")) {
        // the same parameter twice: whichever value wins, nothing breaks
        query(run, op, base, name, "abc&" + name + "=1", false);
      }
    }
  }

  private void query(
      Run run, Operation op, String base, String name, String value, boolean refuse) {
    String path = base + "?" + name + "=" + value;
    if (op.hasBody() && !op.isJson()) {
      if (!name.equals("type")) {
        path += "&type=OTHER";
      }
      run.send("query", op, path, "application/pdf", new byte[0], true);
    } else if (op.isJson()) {
      run.send(
          "query", op, path, "application/json", "{}".getBytes(StandardCharsets.UTF_8), refuse);
    } else {
      run.send("query", op, path, null, null, refuse);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Sending and judging

  /** One bad answer; kinds sort worst first. */
  private record Violation(
      String kind, String request, int status, String contentType, String body) {
    @Override
    public String toString() {
      return kind + ": " + request + " -> " + status + " " + contentType + " " + body;
    }
  }

  private static final class Run {
    private final Api admin;
    private final Api company;
    int cases;
    final Map<String, Integer> counts = new TreeMap<>();
    final List<Violation> violations = new ArrayList<>();

    /** Answers of Jetty, for requests that never reached PortPass, by why. */
    final Map<String, Integer> beforePortPass = new TreeMap<>();

    Run(Api admin, Api company) {
      this.admin = admin;
      this.company = company;
    }

    /** Forms and lines are written by company accounts: the fixture company's account asks. */
    private Api callerFor(Operation op) {
      return op.template.startsWith("/forms") || op.template.startsWith("/lines") ? company : admin;
    }

    void send(
        String category,
        Operation op,
        String path,
        String contentType,
        byte[] body,
        boolean refuse) {
      send(category, op, path, contentType, body, refuse, Map.of());
    }

    /**
     * Sends one case and judges it. {@code refuse}: the answer must be a 4xx; otherwise a 2xx is
     * fine (a free-text search), but never a 5xx, and any error must be clean problem+json.
     */
    void send(
        String category,
        Operation op,
        String path,
        String contentType,
        byte[] body,
        boolean refuse,
        Map<String, String> headers) {
      cases++;
      counts.merge(category, 1, Integer::sum);
      Api caller = callerFor(op);
      Api.Reply reply;
      try {
        HttpRequest.Builder request =
            HttpRequest.newBuilder(URI.create(caller.uri("").toString() + path));
        if (contentType != null) {
          request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        request.method(
            op.method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        reply = caller.send(request);
      } catch (IllegalArgumentException | AssertionError e) {
        violations.add(
            new Violation(
                "0 no answer", describe(op, path, contentType, body), 0, "", e.toString()));
        return;
      }
      int status = reply.status();
      String type = reply.header("Content-Type");
      String text = new String(reply.bytes(), StandardCharsets.UTF_8);
      String request =
          describe(op, path, contentType, body) + (headers.isEmpty() ? "" : " " + headers);
      String jetty = neverReachesPortPass(path);
      if (jetty != null) {
        // answered by the HTTP server itself: counted, and judged like every other answer
        beforePortPass.merge(jetty + " -> " + status, 1, Integer::sum);
      }
      if (status >= 500) {
        violations.add(new Violation("1 server error", request, status, type, cut(text)));
      } else if (refuse && (status < 400 || status >= 500)) {
        violations.add(new Violation("2 accepted", request, status, type, cut(text)));
      }
      if (status >= 400 && !"application/problem+json".equals(type)) {
        violations.add(new Violation("4 not problem+json", request, status, type, cut(text)));
      }
      for (Pattern leak : LEAKS) {
        Matcher m = leak.matcher(text);
        if (m.find()) {
          violations.add(
              new Violation(
                  "3 leak", request, status, type, "[shows " + m.group() + "] " + cut(text)));
          break;
        }
      }
    }

    /**
     * Why Jetty answers this request itself, or null when PortPass gets it: a URI over Jetty's
     * limit, a NUL or {@code ..;} in a path segment, or an encoded path that, decoded, leaves
     * {@code /api/v1}.
     */
    static String neverReachesPortPass(String path) {
      if ((API_BASE + path).length() > JETTY_URI_LIMIT) {
        return "URI over 8 KiB";
      }
      String rawPath = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
      Deque<String> resolved = new ArrayDeque<>();
      String base = API_BASE + rawPath;
      for (String segment : base.split("/", -1)) {
        if (segment.toLowerCase(Locale.ROOT).contains("%00")) {
          return "NUL in a path segment";
        }
        if (segment.startsWith("..;")) {
          return "..; in a path segment";
        }
      }
      String decoded;
      try {
        decoded = URLDecoder.decode(base.replace("+", "%2B"), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null; // not a valid escape: PortPass must answer it
      }
      for (String segment : decoded.split("/", -1)) {
        if (segment.equals("..")) {
          resolved.pollLast();
        } else if (!segment.isEmpty() && !segment.equals(".")) {
          resolved.addLast(segment);
        }
      }
      String normal = "/" + String.join("/", resolved);
      return normal.equals(API_BASE) || normal.startsWith(API_BASE + "/")
          ? null
          : "encoded path leaves " + API_BASE;
    }

    private static String describe(Operation op, String path, String contentType, byte[] body) {
      String shown =
          path.length() > 160 ? path.substring(0, 160) + "…(" + path.length() + ")" : path;
      String b = "";
      if (body != null) {
        String t = new String(body, StandardCharsets.UTF_8);
        b =
            " body "
                + (t.length() > 120 ? t.substring(0, 120) + "…(" + body.length + " bytes)" : t);
      }
      return op.method
          + " "
          + shown
          + (contentType == null ? "" : " [" + contentType + "]")
          + b.replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String cut(String text) {
      String oneLine = text.replace("\n", " ").replace("\r", " ");
      return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
  }

  private static Api.Reply raw(Api api, String method, String path, String type, byte[] body) {
    return api.send(
        HttpRequest.newBuilder(api.uri(path))
            .header("Content-Type", type)
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** An operation of the OpenAPI document. */
  private static final class Operation {
    final String method;
    final String template;
    final JsonNode spec;
    final JsonNode schemas;

    Operation(String method, String template, JsonNode spec, JsonNode schemas) {
      this.method = method;
      this.template = template;
      this.spec = spec;
      this.schemas = schemas;
    }

    boolean hasBody() {
      return spec.has("requestBody");
    }

    boolean isJson() {
      return spec.path("requestBody").path("content").has("application/json");
    }

    Map<String, JsonNode> properties() {
      JsonNode schema =
          resolve(
              spec.path("requestBody").path("content").path("application/json").path("schema"),
              schemas);
      Map<String, JsonNode> properties = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> p : BadInputIT.properties(schema)) {
        properties.put(p.getKey(), p.getValue());
      }
      return properties;
    }

    List<String> pathParameters() {
      return parameters("path");
    }

    List<String> queryParameters() {
      return parameters("query");
    }

    /** The operations that save a draft, which may be incomplete: POST /forms, PUT /forms/{id}. */
    boolean isDraftBox() {
      return template.equals("/forms") || template.equals("/forms/{id}");
    }

    List<String> parameters(String in) {
      List<String> names = new ArrayList<>();
      for (JsonNode p : spec.path("parameters")) {
        if (p.path("in").asText().equals(in)) {
          names.add(p.path("name").asText());
        }
      }
      return names;
    }

    String path(Fixtures f, boolean missingRecords) {
      return path(f, missingRecords, Map.of());
    }

    /** The template with fixture values (or ids of no record), some parameters replaced. */
    String path(Fixtures f, boolean missingRecords, Map<String, String> replaced) {
      String path = template;
      for (String name : pathParameters()) {
        String value = replaced.get(name);
        if (value == null) {
          value = f.value(template, name, missingRecords);
        }
        path = path.replace("{" + name + "}", value);
      }
      return path;
    }

    @Override
    public String toString() {
      return method + " " + template;
    }
  }

  private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
    String ref = schema.path("$ref").asText();
    if (ref.startsWith("#/components/schemas/")) {
      return schemas.path(ref.substring("#/components/schemas/".length()));
    }
    return schema;
  }

  private static List<Map.Entry<String, JsonNode>> properties(JsonNode schema) {
    List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
    schema.path("properties").fields().forEachRemaining(list::add);
    return list;
  }

  // ---------------------------------------------------------------------------------------------
  // Fixtures and the fingerprint of stored data

  private final class Fixtures {
    final long company;
    final String taxId;
    final long person;
    final String identityNumber;
    final long vehicle;
    final String plate;
    final long attachment;
    final long account;

    /** A token of an account of the company: forms and lines are written by company accounts. */
    final String companyToken;

    /** A complete draft of the company (a vehicle at KEL) and its version. */
    final long draft;

    final long draftVersion;

    /** A submitted form of the company, and its line, returned by KEL's review. */
    final long submitted;

    final long line;

    Fixtures(Api admin) {
      taxId = Samples.taxId();
      company =
          admin
              .post(
                  "/companies",
                  Map.of(
                      "taxId",
                      taxId,
                      "name",
                      "Fuzz Target Co",
                      "phone",
                      "02-1234-5678",
                      "contacts",
                      List.of(Map.of("name", "Contact Person", "phone", "0912-345-678"))))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      admin.post("/companies/" + company + "/verify", "").expect(200);
      identityNumber = Samples.nationalId();
      person =
          admin
              .post(
                  "/persons",
                  Map.of(
                      "identityNumber",
                      identityNumber,
                      "nameZh",
                      "測試員",
                      "nameEn",
                      "Fuzz Person",
                      "birthDate",
                      "1980-01-02",
                      "companyId",
                      company))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      plate = "FZ-" + identityNumber.substring(6);
      vehicle =
          admin
              .post(
                  "/vehicles", Map.of("plateNumber", plate, "type", "TRUCK", "companyId", company))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      attachment =
          raw(
                  admin,
                  "POST",
                  "/persons/" + person + "/attachments?type=PHOTO",
                  "image/png",
                  Samples.png())
              .expect(201)
              .json()
              .path("id")
              .asLong();
      account =
          Accounts.create(
                  new NewAccount(
                      "fuzz-clerk-" + taxId,
                      null,
                      "Fuzz Clerk",
                      null,
                      "02-0000-0000",
                      Set.of(Role.COMPANY_USER),
                      company,
                      Set.of()))
              .id();
      String writer = "fuzz-writer-" + taxId;
      Accounts.ensure(writer, Set.of(Role.COMPANY_USER), company, Set.of());
      Api clerk = admin.anonymous().login(writer, Accounts.PASSWORD);
      companyToken = clerk.token();
      submitted =
          clerk
              .post("/forms", form(lineOf("PERSON", person, List.of(attachment))))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      line =
          clerk
              .send(
                  HttpRequest.newBuilder(clerk.uri("/forms/" + submitted + "/submit"))
                      .header("Idempotency-Key", "fuzz-" + taxId)
                      .POST(HttpRequest.BodyPublishers.noBody()))
              .expect(200)
              .json()
              .path("lines")
              .path(0)
              .path("id")
              .asLong();
      admin
          .post(
              "/reviews/KEL/REVIEW/lines/" + line,
              Map.of("decision", "REJECT", "reason", "fuzz fixture", "revision", 0))
          .expect(200);
      JsonNode saved =
          clerk.post("/forms", form(lineOf("VEHICLE", vehicle, List.of()))).expect(201).json();
      draft = saved.path("id").asLong();
      draftVersion = saved.path("version").asLong();
    }

    private static Map<String, Object> form(Map<String, Object> line) {
      return Map.of(
          "passType",
          "LONG_TERM",
          "accessPorts",
          List.of("KEL"),
          "pickupPort",
          "KEL",
          "purpose",
          "fuzz fixture",
          "lines",
          List.of(line));
    }

    private static Map<String, Object> lineOf(String kind, long subject, List<Long> attachments) {
      return Map.of(
          "subjectKind",
          kind,
          "subjectId",
          subject,
          "validFrom",
          LocalDate.now().plusDays(1).toString(),
          "validTo",
          LocalDate.now().plusDays(60).toString(),
          "attachmentIds",
          attachments);
    }

    /** The value of a path parameter: a fixture, or (missingRecords) an id of no record. */
    String value(String template, String name, boolean missingRecords) {
      String id =
          switch (name) {
            case "id" -> Long.toString(idFor(template));
            case "owner" -> "persons";
            case "ownerId" -> Long.toString(person);
            case "attachmentId" -> Long.toString(attachment);
            case "taxId" -> taxId;
            case "number" -> identityNumber;
            case "plate" -> plate;
            case "provider" -> "mtnet";
            case "port" -> "KEL";
            case "stage" -> "REVIEW";
            case "lineId" -> Long.toString(line);
            // an endpoint without a fixture here is still fuzzed, on a record that does not exist
            default -> name.toLowerCase().endsWith("id") ? Long.toString(MISSING_ID) : "NOSUCH";
          };
      boolean numeric = Set.of("id", "ownerId", "attachmentId", "lineId").contains(name);
      return missingRecords && numeric ? Long.toString(MISSING_ID) : id;
    }

    private long idFor(String template) {
      if (template.startsWith("/companies")) {
        return company;
      }
      if (template.startsWith("/persons")) {
        return person;
      }
      if (template.startsWith("/vehicles")) {
        return vehicle;
      }
      if (template.startsWith("/accounts")) {
        return account;
      }
      if (template.startsWith("/forms")) {
        return draft;
      }
      if (template.startsWith("/lines")) {
        return line;
      }
      return MISSING_ID;
    }
  }

  /** Totals of the registry and accounts, and the full JSON of the fixtures. */
  private static String fingerprint(Api admin, Fixtures f) {
    StringBuilder print = new StringBuilder();
    for (String list :
        List.of(
            "/companies", "/persons", "/vehicles", "/accounts", "/forms", "/reviews/KEL/REVIEW")) {
      print.append(list).append('=');
      print.append(admin.get(list + "?size=1").expect(200).json().path("total").asLong());
      print.append(' ');
    }
    for (String record :
        Arrays.asList(
            "/companies/" + f.company,
            "/persons/" + f.person,
            "/persons/" + f.person + "/employments",
            "/persons/" + f.person + "/attachments",
            "/vehicles/" + f.vehicle,
            "/accounts/" + f.account,
            "/forms/" + f.draft,
            "/forms/" + f.submitted,
            "/lines/" + f.line + "/history")) {
      print.append(record).append('=').append(admin.get(record).expect(200).json()).append(' ');
    }
    return print.toString();
  }
}
