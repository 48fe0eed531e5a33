package org.portpass.itest;

import static org.portpass.itest.RegistryBenchmark.admin;
import static org.portpass.itest.RegistryBenchmark.ms;
import static org.portpass.itest.RegistryBenchmark.postgresqlReachable;
import static org.portpass.itest.RegistryBenchmark.row;
import static org.portpass.itest.RegistryBenchmark.sql;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portpass.card.PassCode;
import org.portpass.card.gate.OfflineGate;

/**
 * The revocation list at national scale: 100,000 entries stored (seeded over JDBC while the server
 * is stopped: version 1 with 100,000 voided cards, version 2 adding 50 and removing 50), then the
 * full list's size, its download over loopback (gzip, as {@code GateClient} asks, and plain), the
 * 100-entry incremental update, and an offline gate's verification of one code against the list,
 * each beside a ceiling of the same run: the same bytes served by the JDK's own HTTP server, a bare
 * Ed25519 verification.
 *
 * <p>Run with {@code mvn verify -pl karaf-assembly -Pbenchmark -Dit.test=RevocationBenchmark};
 * {@code -Dportpass.bench.revocations=N} changes the number of entries.
 */
class RevocationBenchmark {
  private static final int ENTRIES = Integer.getInteger("portpass.bench.revocations", 100_000);
  private static final int CHANGES = 100;
  private static final int DOWNLOADS = 50;
  private static final int UPDATES = 200;
  private static final int VERIFICATIONS = 20_000;

  @TempDir Path work;

  private final List<String> rows = new ArrayList<>();

  @Test
  void measure() throws Exception {
    run("Derby (embedded)", null);
    if (postgresqlReachable()) {
      String name = "portpass_revocation_" + UUID.randomUUID().toString().substring(0, 8);
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
    Files.writeString(Path.of("target/benchmark-revocations.md"), table);
  }

  private void run(String label, String postgresUrl) throws Exception {
    Path zip = Path.of(System.getProperty("portpass.assembly"));
    try (ServerProcess server = ServerProcess.unpack(zip, work.resolve(label.substring(0, 5)))) {
      if (postgresUrl != null) {
        RegistryBenchmark.usePostgresql(server, postgresUrl);
      }
      server.configure("org.portpass.auth.bootstrap.cfg", "username", "bench-admin");
      server.configure("org.portpass.auth.bootstrap.cfg", "password", "bench-admin-password");
      server.configure("org.portpass.card.revocations.cfg", "catchUpSeconds", "3600");
      server.start();
      new Api(server.baseUrl()).login("bench-admin", "bench-admin-password");
      server.stop();

      String url =
          postgresUrl != null
              ? postgresUrl
              : "jdbc:derby:" + server.home().resolve("data/derby/portpass");
      PrivateKey signing;
      try (Connection c = connect(url)) {
        long began = System.nanoTime();
        seed(c);
        rows.add(
            row(
                label,
                "entries stored (seeded over JDBC)",
                count(c, "SELECT COUNT(*) FROM revocation_entry WHERE listed_key IS NOT NULL")
                    + " listed, version 2, in "
                    + (System.nanoTime() - began) / 1_000_000
                    + " ms"));
        signing = privateKey(c);
      } finally {
        shutdownDerby(url);
      }

      server.start();
      Api api = new Api(server.baseUrl()).login("bench-admin", "bench-admin-password");
      URI base = URI.create(server.baseUrl());
      String token = api.token();
      HttpClient http = HttpClient.newHttpClient();

      long first = System.nanoTime();
      byte[] gzip = download(http, base, token, "/revocations", true);
      rows.add(
          row(
              label,
              "first full download after the start (reads and signs the list)",
              ms(System.nanoTime() - first)));
      byte[] plain = download(http, base, token, "/revocations", false);
      byte[] text = gunzip(gzip);
      if (!Arrays.equals(text, plain)) {
        throw new AssertionError("the gzip and plain lists differ");
      }
      rows.add(
          row(
              label,
              "full list, " + ENTRIES + " entries",
              String.format(
                  "%.2f MB as sent gzip-compressed, %.2f MB as text",
                  mb(gzip.length), mb(text.length))));
      rows.add(
          row(
              label,
              "GET /revocations, gzip (as GateClient asks)",
              latency(DOWNLOADS, () -> download(http, base, token, "/revocations", true).length)));
      rows.add(
          row(
              label,
              "GET /revocations, plain text",
              latency(DOWNLOADS, () -> download(http, base, token, "/revocations", false).length)));
      HttpServer ceiling = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      ceiling.createContext(
          "/",
          exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, gzip.length);
            exchange.getResponseBody().write(gzip);
            exchange.close();
          });
      ceiling.start();
      try {
        URI staticUri = URI.create("http://127.0.0.1:" + ceiling.getAddress().getPort() + "/list");
        rows.add(
            row(
                label,
                "ceiling: the same gzip bytes as a static byte[] (JDK HttpServer)",
                latency(
                    DOWNLOADS,
                    () ->
                        http.send(
                                HttpRequest.newBuilder(staticUri).GET().build(),
                                HttpResponse.BodyHandlers.ofByteArray())
                            .body()
                            .length)));
      } finally {
        ceiling.stop(0);
      }

      PublicKey key = publicKey(api);
      OfflineGate gate = new OfflineGate(key, Clock.systemUTC());
      long loadBegan = System.nanoTime();
      gate.load(text);
      rows.add(
          row(
              label,
              "offline gate: verify and load the full list",
              ms(System.nanoTime() - loadBegan) + ", " + gate.listSize() + " entries"));
      byte[] changes = download(http, base, token, "/revocations?since=1", false);
      rows.add(
          row(
              label,
              "GET /revocations?since=1 (" + CHANGES + " changes: 50 added, 50 removed)",
              latency(
                      UPDATES,
                      () -> download(http, base, token, "/revocations?since=1", false).length)
                  + ", "
                  + changes.length
                  + " bytes"));
      rows.add(
          row(
              label,
              "floor: GET /revocations/status (the same authentication and version read)",
              latency(
                  UPDATES,
                  () -> download(http, base, token, "/revocations/status", false).length)));
      OfflineGate updated = new OfflineGate(key, Clock.systemUTC());
      updated.load(download(http, base, token, "/revocations", false));
      long v = updated.listVersion();
      rows.add(row(label, "offline gate list version after the full download", Long.toString(v)));

      // offline verification of codes: one in ten on the list
      List<String> codes = new ArrayList<>();
      LocalDate today = LocalDate.now();
      for (int i = 0; i < 1000; i++) {
        String serial =
            i % 10 == 0 ? serial(i * 97) : "KEL-2026-9" + String.format("%06d", i) + "-C1";
        codes.add(
            new PassCode(
                    serial.substring(0, serial.length() - 3),
                    serial,
                    today.minusDays(1),
                    today.plusDays(30),
                    List.of("KEL"))
                .sign(signing));
      }
      int refused = 0;
      for (int i = 0; i < 2000; i++) { // warm-up
        refused += gate.verify(codes.get(i % codes.size()), "KEL").valid() ? 0 : 1;
      }
      long verifyBegan = System.nanoTime();
      refused = 0;
      for (int i = 0; i < VERIFICATIONS; i++) {
        refused += gate.verify(codes.get(i % codes.size()), "KEL").valid() ? 0 : 1;
      }
      long perCode = (System.nanoTime() - verifyBegan) / VERIFICATIONS;
      rows.add(
          row(
              label,
              "offline verify of a pass code against the list (signature, dates, port, list)",
              String.format(
                  "%.1f µs per code (%d of %d refused as listed)",
                  perCode / 1e3, refused, VERIFICATIONS)));
      rows.add(
          row(
              label,
              "ceiling: bare Ed25519 verification of the same codes",
              bareVerify(codes, key)));
      server.stop();
    }
  }

  /** 100,000 voided cards at version 1; at version 2, 50 more and 50 of the first removed. */
  private static void seed(Connection c) throws SQLException {
    c.setAutoCommit(false);
    Timestamp now = new Timestamp(System.currentTimeMillis());
    try (PreparedStatement v =
        c.prepareStatement("INSERT INTO revocation_version (version, issued_at) VALUES (?, ?)")) {
      for (long version : new long[] {1, 2}) {
        v.setLong(1, version);
        v.setTimestamp(2, now);
        v.executeUpdate();
      }
    }
    java.sql.Date keep = java.sql.Date.valueOf(LocalDate.now().plusYears(1));
    try (PreparedStatement e =
        c.prepareStatement(
            "INSERT INTO revocation_entry (kind, subject, reason, since_at, keep_until,"
                + " added_version, removed_version, listed_key) VALUES ('C', ?, 'CARD_VOID', ?, ?, ?, ?, ?)")) {
      for (int i = 0; i < ENTRIES + CHANGES / 2; i++) {
        String serial = serial(i);
        boolean added = i >= ENTRIES;
        boolean removed = i < CHANGES / 2;
        e.setString(1, serial);
        e.setTimestamp(2, new Timestamp(now.getTime() - (ENTRIES - i) * 7_000L));
        e.setDate(3, keep);
        e.setLong(4, added ? 2 : 1);
        if (removed) {
          e.setLong(5, 2);
          e.setString(6, null);
        } else {
          e.setNull(5, java.sql.Types.BIGINT);
          e.setString(6, "C:" + serial);
        }
        e.addBatch();
        if (i % 1000 == 999) {
          e.executeBatch();
        }
      }
      e.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
    if (c.getMetaData().getDatabaseProductName().contains("PostgreSQL")) {
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      }
    }
  }

  private static String serial(int i) {
    return String.format("KEL-2026-%07d-C1", i);
  }

  private static PrivateKey privateKey(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT private_key FROM pass_code_key")) {
      rs.next();
      return KeyFactory.getInstance("Ed25519")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(rs.getString(1))));
    }
  }

  private static PublicKey publicKey(Api api) throws Exception {
    String text = api.get("/pass-codes/key").expect(200).json().path("publicKey").asText();
    return KeyFactory.getInstance("Ed25519")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(text)));
  }

  private static String bareVerify(List<String> codes, PublicKey key) throws Exception {
    List<byte[]> bodies = new ArrayList<>();
    List<byte[]> signatures = new ArrayList<>();
    for (String code : codes) {
      String[] parts = code.split("\\.");
      bodies.add(parts[1].getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      signatures.add(Base64.getUrlDecoder().decode(parts[2]));
    }
    int ok = 0;
    for (int i = 0; i < 2000; i++) {
      ok += verify(key, bodies.get(i % bodies.size()), signatures.get(i % bodies.size())) ? 1 : 0;
    }
    long began = System.nanoTime();
    for (int i = 0; i < VERIFICATIONS; i++) {
      ok += verify(key, bodies.get(i % bodies.size()), signatures.get(i % bodies.size())) ? 1 : 0;
    }
    long per = (System.nanoTime() - began) / VERIFICATIONS;
    if (ok != 2000 + VERIFICATIONS) {
      throw new AssertionError("a code did not verify");
    }
    return String.format("%.1f µs per code", per / 1e3);
  }

  private static boolean verify(PublicKey key, byte[] body, byte[] signature) throws Exception {
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(key);
    verifier.update(body);
    return verifier.verify(signature);
  }

  private static byte[] download(HttpClient http, URI base, String token, String path, boolean gzip)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .GET();
    if (gzip) {
      request.header("Accept-Encoding", "gzip");
    }
    HttpResponse<byte[]> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      throw new AssertionError(path + " answered " + response.statusCode());
    }
    return response.body();
  }

  private static byte[] gunzip(byte[] bytes) throws Exception {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }

  @FunctionalInterface
  private interface Request {
    long send() throws Exception;
  }

  /** p50 and p99 of sequential requests, after 5 that warm up. */
  private static String latency(int n, Request request) throws Exception {
    long[] took = new long[n];
    for (int i = -5; i < n; i++) {
      long begin = System.nanoTime();
      request.send();
      if (i >= 0) {
        took[i] = System.nanoTime() - begin;
      }
    }
    Arrays.sort(took);
    return "p50 " + ms(took[n / 2]) + ", p99 " + ms(took[Math.min(n - 1, n * 99 / 100)]);
  }

  private static double mb(long bytes) {
    return bytes / 1e6;
  }

  private static Connection connect(String url) throws SQLException {
    return url.startsWith("jdbc:derby:")
        ? DriverManager.getConnection(url)
        : DriverManager.getConnection(url, "postgres", "");
  }

  private static long count(Connection c, String query) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void shutdownDerby(String url) {
    if (url.startsWith("jdbc:derby:")) {
      try {
        DriverManager.getConnection(url + ";shutdown=true");
      } catch (SQLException expected) {
        // Derby answers a clean shutdown with an exception
      }
    }
  }
}
