package org.portpass.itest;

import static org.portpass.itest.RegistryBenchmark.admin;
import static org.portpass.itest.RegistryBenchmark.ms;
import static org.portpass.itest.RegistryBenchmark.postgresqlReachable;
import static org.portpass.itest.RegistryBenchmark.row;
import static org.portpass.itest.RegistryBenchmark.sql;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The review queues at national scale: a million lines stored (a fifth of them waiting at REVIEW),
 * the first page of Keelung's REVIEW queue over REST beside the floor of the same server (the
 * health check and an authenticated request that does nothing), and the queue's SQL over JDBC
 * beside the text search over the lines' port columns it replaced.
 *
 * <p>Run with {@code mvn verify -pl karaf-assembly -Pbenchmark -Dit.test=QueueBenchmark}; {@code
 * -Dportpass.bench.queueLines=N} changes the number of lines.
 */
class QueueBenchmark {
  private static final int LINES = Integer.getInteger("portpass.bench.queueLines", 1_000_000);
  private static final int LINES_PER_FORM = 50;
  private static final int REQUESTS = 300;
  private static final List<String> PORT_SETS = List.of(",KEL,", ",KEL,KHH,", ",KHH,", ",KEL,TXG,");

  @TempDir Path work;

  private final List<String> rows = new ArrayList<>();

  @Test
  void measure() throws Exception {
    run("Derby (embedded)", null);
    if (postgresqlReachable()) {
      String name = "portpass_queue_" + UUID.randomUUID().toString().substring(0, 8);
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
    Files.writeString(Path.of("target/benchmark-queue.md"), table);
  }

  private void run(String label, String postgresUrl) throws Exception {
    Path zip = Path.of(System.getProperty("portpass.assembly"));
    try (ServerProcess server = ServerProcess.unpack(zip, work.resolve(label.substring(0, 5)))) {
      if (postgresUrl != null) {
        RegistryBenchmark.usePostgresql(server, postgresUrl);
      }
      server.configure("org.portpass.auth.bootstrap.cfg", "username", "bench-admin");
      server.configure("org.portpass.auth.bootstrap.cfg", "password", "bench-admin-password");
      server.start();
      Api api = new Api(server.baseUrl()).login("bench-admin", "bench-admin-password");
      long company =
          api.post("/companies", Samples.company(Samples.taxId(), "Queue Co"))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      server.stop();

      String url =
          postgresUrl != null
              ? postgresUrl
              : "jdbc:derby:" + server.home().resolve("data/derby/portpass");
      try (Connection c = connect(url)) {
        long began = System.nanoTime();
        seed(c, company);
        rows.add(
            row(
                label,
                "lines stored (" + LINES_PER_FORM + " per form; seeded over JDBC)",
                count(c, "SELECT COUNT(*) FROM application_line")
                    + " in "
                    + (System.nanoTime() - began) / 1_000_000_000
                    + " s"));
        rows.add(
            row(
                label,
                "KEL REVIEW tasks",
                Long.toString(
                    count(
                        c,
                        "SELECT COUNT(*) FROM review_task WHERE port = 'KEL' AND stage = 'REVIEW'"))));
        rows.add(row(label, "SQL: first page, review_task index", jdbcFirstPage(c, TASK_PAGE)));
        rows.add(
            row(label, "SQL: first page, LIKE over the port columns", jdbcFirstPage(c, LIKE_PAGE)));
      } finally {
        shutdownDerby(url);
      }

      long warm = server.start();
      rows.add(row(label, "restart to healthy with these lines stored", warm + " ms"));
      api.login("bench-admin", "bench-admin-password");
      rows.add(
          row(
              label,
              "GET /reviews/KEL/REVIEW?size=20",
              latency(api, "/reviews/KEL/REVIEW?size=20")));
      rows.add(row(label, "floor: GET /auth/me (token check only)", latency(api, "/auth/me")));
      rows.add(row(label, "floor: GET /health (one database round trip)", latency(api, "/health")));
    }
  }

  private static final String TASK_PAGE =
      "SELECT line_id FROM review_task WHERE port = 'KEL' AND stage = 'REVIEW'"
          + " ORDER BY submitted_at, form_id, line_no FETCH FIRST 20 ROWS ONLY";

  // what the queue asked before the review_task table
  private static final String LIKE_PAGE =
      "SELECT l.id FROM application_line l JOIN application_form f ON f.id = l.form_id"
          + " WHERE l.status = 'REVIEW' AND l.access_ports LIKE '%,KEL,%'"
          + " AND (l.approvals IS NULL OR l.approvals NOT LIKE '%,KEL,%')"
          + " ORDER BY f.submitted_at, f.id, l.line_no FETCH FIRST 20 ROWS ONLY";

  /**
   * Forms in batches, then their lines and tasks set-based: a fifth of the lines at REVIEW, a tenth
   * at POLICE, the rest picked up; four combinations of access ports.
   */
  private static void seed(Connection c, long company) throws SQLException {
    c.setAutoCommit(false);
    long start = System.currentTimeMillis() - LINES / LINES_PER_FORM * 1000L;
    try (PreparedStatement form =
        c.prepareStatement(
            "INSERT INTO application_form (form_number, company_id, pass_type, access_ports,"
                + " pickup_port, status, created_by, version, created_at, submitted_at)"
                + " VALUES (?, ?, 'TEMPORARY', ?, 'KEL', 'SUBMITTED', 'bench', 1, ?, ?)")) {
      for (int i = 0; i < LINES / LINES_PER_FORM; i++) {
        Timestamp at = new Timestamp(start + i * 1000L);
        form.setString(1, "BENCH-" + i);
        form.setLong(2, company);
        form.setString(3, PORT_SETS.get(i % PORT_SETS.size()));
        form.setTimestamp(4, at);
        form.setTimestamp(5, at);
        form.addBatch();
        if (i % 1000 == 999) {
          form.executeBatch();
        }
      }
      form.executeBatch();
    }
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE bench_n (n INT NOT NULL)");
      try (PreparedStatement n = c.prepareStatement("INSERT INTO bench_n VALUES (?)")) {
        for (int i = 1; i <= LINES_PER_FORM; i++) {
          n.setInt(1, i);
          n.addBatch();
        }
        n.executeBatch();
      }
      s.executeUpdate(
          "INSERT INTO application_line (form_id, line_no, subject_kind, subject_id,"
              + " subject_label, status, access_ports, revision, version)"
              + " SELECT f.id, n.n, 'PERSON', n.n, 'seeded',"
              + " CASE WHEN MOD(n.n, 10) < 2 THEN 'REVIEW' WHEN MOD(n.n, 10) = 2 THEN 'POLICE'"
              + " ELSE 'PICKED_UP' END, f.access_ports, 0, 1"
              + " FROM application_form f, bench_n n WHERE f.created_by = 'bench'");
      for (String port : List.of("KEL", "KHH", "TXG")) {
        s.executeUpdate(
            "INSERT INTO review_task (line_id, port, stage, submitted_at, form_id, line_no)"
                + " SELECT l.id, '"
                + port
                + "', l.status, f.submitted_at, f.id, l.line_no"
                + " FROM application_line l JOIN application_form f ON f.id = l.form_id"
                + " WHERE l.status IN ('REVIEW', 'POLICE') AND l.access_ports LIKE '%,"
                + port
                + ",%'");
      }
      s.execute("DROP TABLE bench_n");
    }
    c.commit();
    c.setAutoCommit(true);
    if (c.getMetaData().getDatabaseProductName().contains("PostgreSQL")) {
      try (Statement s = c.createStatement()) {
        s.execute("ANALYZE");
      }
    }
  }

  /** The median and the slowest of 21 runs of the query (the first warms up). */
  private static String jdbcFirstPage(Connection c, String query) throws SQLException {
    long[] took = new long[20];
    for (int i = -1; i < took.length; i++) {
      long begin = System.nanoTime();
      int found = 0;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(query)) {
        while (rs.next()) {
          found++;
        }
      }
      if (found != 20) {
        throw new IllegalStateException("the first page held " + found + " lines: " + query);
      }
      if (i >= 0) {
        took[i] = System.nanoTime() - begin;
      }
    }
    Arrays.sort(took);
    return "median " + ms(took[took.length / 2]) + ", slowest " + ms(took[took.length - 1]);
  }

  /** p50 and p99 of sequential requests, after 30 that warm up. */
  private static String latency(Api api, String path) {
    long[] took = new long[REQUESTS];
    for (int i = -30; i < REQUESTS; i++) {
      long begin = System.nanoTime();
      api.get(path).expect(200);
      if (i >= 0) {
        took[i] = System.nanoTime() - begin;
      }
    }
    Arrays.sort(took);
    return "p50 " + ms(took[REQUESTS / 2]) + ", p99 " + ms(took[REQUESTS * 99 / 100]);
  }

  private static Connection connect(String url) throws SQLException {
    // Derby: no user, so the server's default schema (APP) is used
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
