package org.portpass.itest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the registry on this machine and prints a Markdown table (also written to
 * target/benchmark-registry.md). Not a test: it asserts nothing about speed. Run with {@code mvn -B
 * verify -pl karaf-assembly -am -Pbenchmark}.
 */
class RegistryBenchmark {
  private static final int STORED_PERSONS = 100_000;
  private static final int[] CLIENTS = {1, 4, 16};
  private static final int CREATES_PER_LEVEL = 2_000;
  private static final int LOOKUPS = 5_000;
  private static final int FAST_CARDS = 150;
  private static final int REAL_CARDS = 8;
  // a desktop dye-sublimation printer, one side in colour with overlay, and an inline encoder
  private static final int PRINT_MS = 12_000;
  private static final int SCAN_MS = 500;
  private static final int ENCODE_MS = 1_500;

  @TempDir Path work;

  private final List<String> rows = new ArrayList<>();

  @Test
  void measure() throws Exception {
    run("Derby (embedded)", null);
    if (postgresqlReachable()) {
      String name = "portpass_bench_" + UUID.randomUUID().toString().substring(0, 8);
      sql(admin(), "CREATE DATABASE " + name);
      try {
        run("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/" + name);
      } finally {
        sql(admin(), "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } else {
      rows.add("| PostgreSQL | not reachable on 127.0.0.1:5432, skipped | |");
    }
    String table =
        "| database | measure | result |\n|---|---|---|\n" + String.join("\n", rows) + "\n";
    System.out.println("\n" + table);
    Files.writeString(Path.of("target/benchmark-registry.md"), table);
  }

  private void run(String label, String postgresUrl) throws Exception {
    Path zip = Path.of(System.getProperty("portpass.assembly"));
    try (ServerProcess server = ServerProcess.unpack(zip, work.resolve(label.substring(0, 5)))) {
      if (postgresUrl != null) {
        usePostgresql(server, postgresUrl);
      }
      desks(server);
      server.configure("org.portpass.auth.bootstrap.cfg", "username", "bench-admin");
      server.configure("org.portpass.auth.bootstrap.cfg", "password", "bench-admin-password");
      long cold = server.start();
      rows.add(
          row(
              label,
              "cold start to healthy /api/v1/health (first boot, migrations)",
              cold + " ms"));
      Api api = new Api(server.baseUrl()).login("bench-admin", "bench-admin-password");
      long company =
          api.post("/companies", Samples.company(Samples.taxId(), "Benchmark Co"))
              .expect(201)
              .json()
              .path("id")
              .asLong();

      int offset = 0;
      for (int clients : CLIENTS) {
        double rate = createPersons(api, company, clients, offset);
        offset += CREATES_PER_LEVEL;
        rows.add(
            row(
                label,
                "person create over REST, " + clients + " concurrent clients",
                String.format("%.0f requests/s", rate)));
      }

      server.stop();
      String url =
          postgresUrl != null
              ? postgresUrl
              : "jdbc:derby:" + server.home().resolve("data/derby/portpass");
      long seeded = seed(url, company);
      rows.add(row(label, "persons stored for the lookup test", Long.toString(seeded)));
      long warm = server.start();
      rows.add(row(label, "warm restart to healthy", warm + " ms"));
      api.login("bench-admin", "bench-admin-password");
      long[] latency = lookups(api, 1);
      rows.add(
          row(
              label,
              "lookup by identity number, 1 client",
              "p50 " + ms(latency[0]) + ", p99 " + ms(latency[1])));
      long[] loaded = lookups(api, 8);
      rows.add(
          row(
              label,
              "lookup by identity number, 8 concurrent clients",
              "p50 " + ms(loaded[0]) + ", p99 " + ms(loaded[1])));
      applications(label, api, company);
    }
  }

  private static double createPersons(Api api, long company, int clients, int offset)
      throws Exception {
    String base = api.uri("").toString();
    HttpClient http = HttpClient.newHttpClient();
    AtomicInteger next = new AtomicInteger(offset);
    int end = offset + CREATES_PER_LEVEL;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long begin = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      done.add(
          pool.submit(
              () -> {
                for (int i; (i = next.getAndIncrement()) < end; ) {
                  String body =
                      Api.JSON.writeValueAsString(
                          Map.of(
                              "identityNumber",
                              nationalId('C', i),
                              "nameZh",
                              "測試" + i,
                              "companyId",
                              company));
                  HttpResponse<Void> r =
                      http.send(
                          HttpRequest.newBuilder(java.net.URI.create(base + "/persons"))
                              .header("Content-Type", "application/json")
                              .header("Authorization", "Bearer " + api.token())
                              .POST(HttpRequest.BodyPublishers.ofString(body))
                              .build(),
                          HttpResponse.BodyHandlers.discarding());
                  if (r.statusCode() != 201) {
                    throw new IllegalStateException("create answered " + r.statusCode());
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    return CREATES_PER_LEVEL / ((System.nanoTime() - begin) / 1e9);
  }

  /** Fills the person table to STORED_PERSONS rows with plain JDBC while the server is down. */
  private static long seed(String url, long company) throws SQLException {
    boolean derby = url.startsWith("jdbc:derby:");
    // Derby: no user, so the server's default schema (APP) is used
    try (Connection c =
        derby
            ? DriverManager.getConnection(url)
            : DriverManager.getConnection(url, "postgres", "")) {
      c.setAutoCommit(false);
      long existing;
      try (Statement s = c.createStatement();
          var rs = s.executeQuery("SELECT COUNT(*) FROM person")) {
        rs.next();
        existing = rs.getLong(1);
      }
      Timestamp now = new Timestamp(System.currentTimeMillis());
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO person (identity_kind, identity_number, identity_key, name_zh, company_id,"
                  + " version, created_at, updated_at) VALUES ('NATIONAL_ID', ?, ?, ?, ?, 1, ?, ?)")) {
        for (int i = 0; i < STORED_PERSONS - existing; i++) {
          String id = nationalId('B', i);
          insert.setString(1, id);
          insert.setString(2, id);
          insert.setString(3, "種子" + i);
          insert.setLong(4, company);
          insert.setTimestamp(5, now);
          insert.setTimestamp(6, now);
          insert.addBatch();
          if (i % 1000 == 999) {
            insert.executeBatch();
          }
        }
        insert.executeBatch();
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement();
          var rs = s.executeQuery("SELECT COUNT(*) FROM person")) {
        rs.next();
        return rs.getLong(1);
      }
    } finally {
      if (derby) {
        try {
          DriverManager.getConnection(url + ";shutdown=true");
        } catch (SQLException expected) {
          // Derby reports a clean shutdown as an exception
        }
      }
    }
  }

  /** p50 and p99 in nanoseconds of GET /persons?identityNumber= for random stored persons. */
  private static long[] lookups(Api api, int clients) throws Exception {
    String base = api.uri("").toString();
    HttpClient http = HttpClient.newHttpClient();
    long[] samples = new long[LOOKUPS];
    AtomicInteger next = new AtomicInteger(-500); // the first 500 warm up and are not counted
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> done = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Random random = new Random(c);
      done.add(
          pool.submit(
              () -> {
                for (int i; (i = next.getAndIncrement()) < LOOKUPS; ) {
                  String id =
                      nationalId('B', random.nextInt(STORED_PERSONS - 3 * CREATES_PER_LEVEL));
                  long begin = System.nanoTime();
                  HttpResponse<Void> r =
                      http.send(
                          HttpRequest.newBuilder(
                                  java.net.URI.create(base + "/persons?identityNumber=" + id))
                              .header("Authorization", "Bearer " + api.token())
                              .build(),
                          HttpResponse.BodyHandlers.discarding());
                  long took = System.nanoTime() - begin;
                  if (r.statusCode() != 200) {
                    throw new IllegalStateException(
                        "lookup of " + id + " answered " + r.statusCode());
                  }
                  if (i >= 0) {
                    samples[i] = took;
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    Arrays.sort(samples);
    return new long[] {samples[LOOKUPS / 2], samples[LOOKUPS * 99 / 100]};
  }

  /**
   * Submitting 50-line forms (forms/s and lines/s) and single-line review decisions (decisions/s)
   * with 1 and 4 concurrent clients.
   */
  private void applications(String label, Api admin, long company) throws Exception {
    admin.post("/companies/" + company + "/verify", "").expect(200);
    admin
        .post(
            "/accounts",
            Map.of(
                "username",
                "bench-clerk",
                "password",
                "bench-clerk-password",
                "roles",
                List.of("COMPANY_USER"),
                "companyId",
                company))
        .expect(201);
    Api clerk = admin.anonymous().login("bench-clerk", "bench-clerk-password");
    int[] levels = {1, 4};
    int formsPerLevel = 8;
    List<Long> lines = new ArrayList<>();
    int person = 0;
    for (int clients : levels) {
      List<Long> forms = new ArrayList<>();
      for (int f = 0; f < formsPerLevel; f++) {
        List<Map<String, Object>> formLines = new ArrayList<>();
        for (int l = 0; l < 50; l++) {
          long id =
              clerk
                  .post(
                      "/persons",
                      Map.of("identityNumber", nationalId('D', person++), "nameZh", "工"))
                  .expect(201)
                  .json()
                  .path("id")
                  .asLong();
          long photo =
              clerk
                  .send(
                      HttpRequest.newBuilder(
                              clerk.uri("/persons/" + id + "/attachments?type=PHOTO"))
                          .header("Content-Type", "image/png")
                          .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.png())))
                  .expect(201)
                  .json()
                  .path("id")
                  .asLong();
          formLines.add(
              Map.of(
                  "subjectKind",
                  "PERSON",
                  "subjectId",
                  id,
                  "validFrom",
                  java.time.LocalDate.now().plusDays(1).toString(),
                  "validTo",
                  java.time.LocalDate.now().plusDays(20).toString(),
                  "attachmentIds",
                  List.of(photo)));
        }
        forms.add(
            clerk
                .post(
                    "/forms",
                    Map.of(
                        "passType",
                        "TEMPORARY",
                        "accessPorts",
                        List.of("KEL"),
                        "pickupPort",
                        "KEL",
                        "lines",
                        formLines))
                .expect(201)
                .json()
                .path("id")
                .asLong());
      }
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long begin = System.nanoTime();
      List<Future<List<Long>>> submitted = new ArrayList<>();
      for (long form : forms) {
        submitted.add(
            pool.submit(
                () -> {
                  List<Long> ids = new ArrayList<>();
                  clerk
                      .send(
                          HttpRequest.newBuilder(clerk.uri("/forms/" + form + "/submit"))
                              .header("Idempotency-Key", "bench-" + form)
                              .POST(HttpRequest.BodyPublishers.noBody()))
                      .expect(200)
                      .json()
                      .path("lines")
                      .forEach(l -> ids.add(l.path("id").asLong()));
                  return ids;
                }));
      }
      for (Future<List<Long>> f : submitted) {
        lines.addAll(f.get());
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      pool.shutdown();
      rows.add(
          row(
              label,
              "submit 50-line forms, " + clients + " concurrent clients",
              String.format(
                  "%.1f forms/s, %.0f lines/s",
                  formsPerLevel / seconds, formsPerLevel * 50 / seconds)));
    }
    for (int clients : levels) {
      List<Long> batch = lines.subList(0, 200);
      AtomicInteger next = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      long begin = System.nanoTime();
      List<Future<?>> done = new ArrayList<>();
      String stage = clients == 1 ? "REVIEW" : "POLICE";
      for (int c = 0; c < clients; c++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i; (i = next.getAndIncrement()) < batch.size(); ) {
                    admin
                        .post(
                            "/reviews/KEL/" + stage + "/lines/" + batch.get(i),
                            Map.of("decision", "APPROVE", "revision", 0))
                        .expect(200);
                  }
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
      double seconds = (System.nanoTime() - begin) / 1e9;
      pool.shutdown();
      rows.add(
          row(
              label,
              "review decisions (single-line), " + clients + " concurrent clients",
              String.format("%.0f decisions/s", batch.size() / seconds)));
    }
    cards(label, admin, lines.subList(0, 200));
  }

  /**
   * Two simulated desks at KEL: "fast" has no device delays (the software's own time per card),
   * "real" has the timings of a desktop dye-sublimation card printer with an inline RFID encoder.
   */
  private static void desks(ServerProcess server) throws IOException {
    server.bootFeature("portpass-device-sim");
    for (String desk : List.of("fast", "real")) {
      server.configure("org.portpass.device.sim-" + desk + ".cfg", "port", "KEL");
      server.configure("org.portpass.device.sim-" + desk + ".cfg", "desk", desk);
      server.configure("org.portpass.carddesk-" + desk + ".cfg", "port", "KEL");
      server.configure("org.portpass.carddesk-" + desk + ".cfg", "desk", desk);
    }
    server.configure("org.portpass.device.sim-real.cfg", "printMillis", Integer.toString(PRINT_MS));
    server.configure("org.portpass.device.sim-real.cfg", "scanMillis", Integer.toString(SCAN_MS));
    server.configure(
        "org.portpass.device.sim-real.cfg", "encodeMillis", Integer.toString(ENCODE_MS));
  }

  /** Approves the lines at the supervisor, then makes their cards at the two desks. */
  private void cards(String label, Api admin, List<Long> lines) throws Exception {
    for (int i = 0; i < lines.size(); i += 100) {
      List<Map<String, Object>> refs = new ArrayList<>();
      for (long id : lines.subList(i, Math.min(lines.size(), i + 100))) {
        refs.add(Map.of("lineId", id, "revision", 0));
      }
      admin
          .post("/reviews/KEL/SUPERVISOR/decisions", Map.of("decision", "APPROVE", "lines", refs))
          .expect(200);
    }
    long deadline = System.currentTimeMillis() + 60_000;
    while (admin
            .get("/card-jobs?port=KEL&status=QUEUED&size=1")
            .expect(200)
            .json()
            .path("total")
            .asLong()
        < FAST_CARDS + REAL_CARDS) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("the card jobs were not queued");
      }
      Thread.sleep(200);
    }
    double fast = runDesk(admin, "fast", FAST_CARDS);
    rows.add(
        row(
            label,
            "card production, software only (no device delays), 1 desk",
            String.format("%.0f ms per card, %.0f cards/hour", fast * 1000, 3600 / fast)));
    double real = runDesk(admin, "real", REAL_CARDS);
    rows.add(
        row(
            label,
            "card production with printer "
                + PRINT_MS / 1000.0
                + " s, scan "
                + SCAN_MS / 1000.0
                + " s, encode "
                + ENCODE_MS / 1000.0
                + " s, 1 desk",
            String.format("%.1f s per card, %.0f cards/hour", real, 3600 / real)));
  }

  /** Seconds per card: the desk's run endpoint called until it made {@code cards} cards. */
  private static double runDesk(Api admin, String desk, int cards) throws Exception {
    long begin = System.nanoTime();
    for (int i = 0; i < cards; i++) {
      String status =
          admin
              .post("/card-desks/KEL/" + desk + "/run", "")
              .expect(200)
              .json()
              .path("status")
              .asText();
      if (!status.equals("DONE")) {
        throw new IllegalStateException("a card job ended " + status);
      }
    }
    return (System.nanoTime() - begin) / 1e9 / cards;
  }

  /** A valid national ID: letter, gender digit 1, seven digits from {@code n}, check digit. */
  static String nationalId(char letter, int n) {
    String codes = "ABCDEFGHJKLMNPQRSTUVXYWZIO";
    int code = codes.indexOf(letter) + 10;
    String body = "1" + String.format("%07d", n);
    int sum = code / 10 + (code % 10) * 9;
    for (int i = 0; i < 8; i++) {
      sum += (body.charAt(i) - '0') * (8 - i);
    }
    return letter + body + (10 - sum % 10) % 10;
  }

  /** The server's data on the PostgreSQL database {@code url} instead of embedded Derby. */
  static void usePostgresql(ServerProcess server, String url) throws IOException {
    server.configure(
        "org.ops4j.datasource-portpass.cfg", "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
    server.configure("org.ops4j.datasource-portpass.cfg", "url", url);
    server.configure("org.ops4j.datasource-portpass.cfg", "user", "postgres");
    server.configure("org.ops4j.datasource-portpass.cfg", "password", "");
    server.bootFeature("portpass-postgresql");
  }

  static String row(String db, String what, String value) {
    return "| " + db + " | " + what + " | " + value + " |";
  }

  static String ms(long nanos) {
    return String.format("%.2f ms", nanos / 1e6);
  }

  static boolean postgresqlReachable() {
    try (Connection c = DriverManager.getConnection(admin(), "postgres", "")) {
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  static String admin() {
    return "jdbc:postgresql://127.0.0.1:5432/postgres";
  }

  static void sql(String url, String statement) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(statement);
    }
  }
}
