package org.portpass.itest;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Plain SQL on PortPass's own datasource, from a test inside the container: what the database
 * holds, independently of what the REST API answers (Derby or PostgreSQL, whichever the run uses).
 */
final class Database {
  private final DataSource dataSource;

  private Database(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  static Database of(BundleContext context) {
    try {
      for (ServiceReference<DataSource> ref :
          context.getServiceReferences(DataSource.class, "(dataSourceName=portpass)")) {
        return new Database(context.getService(ref));
      }
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException(e);
    }
    throw new AssertionError("no DataSource with dataSourceName=portpass is registered");
  }

  /** The rows of a query, each row as its columns' values rendered as text (null as "null"). */
  List<List<String>> rows(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      List<List<String>> rows = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        int columns = r.getMetaData().getColumnCount();
        while (r.next()) {
          List<String> row = new ArrayList<>();
          for (int i = 1; i <= columns; i++) {
            row.add(String.valueOf(r.getObject(i)));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new AssertionError("query failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * Per table: its row count, where it has a {@code version} column the sum of the versions, and a
   * digest of every row's content. The digest also catches a change that bypasses the version: a
   * native or bulk UPDATE, or an in-place change of a table without a version column (employment,
   * attachment, card_attempt, ...). Tables in {@code ignored} are left out (lower case names).
   */
  Map<String, String> fingerprint(Set<String> ignored) {
    if (fingerprintQuery == null) {
      fingerprintQuery = fingerprintQuery(ignored);
    }
    Map<String, String> print = new TreeMap<>();
    for (List<String> row : rows(fingerprintQuery)) {
      print.put(
          row.get(0),
          row.get(1) + " rows, versions " + row.get(2) + ", content " + contentDigest(row.get(0)));
    }
    return print;
  }

  /** An order-independent digest of all of a table's rows, every column included. */
  private String contentDigest(String table) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT * FROM " + table);
        ResultSet r = s.executeQuery()) {
      ResultSetMetaData meta = r.getMetaData();
      long sum = 0;
      while (r.next()) {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          byte[] value =
              switch (meta.getColumnType(i)) {
                case Types.BLOB, Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY ->
                    r.getBytes(i);
                default -> {
                  String text = r.getString(i);
                  yield text == null ? null : text.getBytes(StandardCharsets.UTF_8);
                }
              };
          digest.update((byte) (value == null ? 0 : 1));
          if (value != null) {
            digest.update(ByteBuffer.allocate(4).putInt(value.length).array());
            digest.update(value);
          }
        }
        sum += ByteBuffer.wrap(digest.digest()).getLong();
      }
      return Long.toHexString(sum);
    } catch (SQLException | NoSuchAlgorithmException e) {
      throw new AssertionError("cannot read " + table + ": " + e.getMessage(), e);
    }
  }

  /** The tables whose fingerprint differs, with both values. */
  static List<String> differences(Map<String, String> before, Map<String, String> after) {
    List<String> changed = new ArrayList<>();
    for (String table : after.keySet()) {
      if (!after.get(table).equals(before.get(table))) {
        changed.add(table + ": " + before.get(table) + " -> " + after.get(table));
      }
    }
    return changed;
  }

  private String fingerprintQuery;

  private String fingerprintQuery(Set<String> ignored) {
    List<String> parts = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      try (ResultSet tables = meta.getTables(null, null, "%", new String[] {"TABLE"})) {
        while (tables.next()) {
          String schema = String.valueOf(tables.getString("TABLE_SCHEM")).toLowerCase(Locale.ROOT);
          String table = tables.getString("TABLE_NAME");
          String name = table.toLowerCase(Locale.ROOT);
          if (schema.startsWith("sys")
              || schema.equals("pg_catalog")
              || schema.equals("information_schema")
              || name.startsWith("databasechangelog")
              || ignored.contains(name)) {
            continue;
          }
          boolean versioned;
          try (ResultSet columns =
              meta.getColumns(null, tables.getString("TABLE_SCHEM"), table, "%")) {
            versioned = false;
            while (columns.next()) {
              versioned |= columns.getString("COLUMN_NAME").equalsIgnoreCase("version");
            }
          }
          parts.add(
              "SELECT '"
                  + name
                  + "', COUNT(*), "
                  + (versioned ? "COALESCE(SUM(version), 0)" : "0")
                  + " FROM "
                  + name);
        }
      }
    } catch (SQLException e) {
      throw new AssertionError("cannot list the tables: " + e.getMessage(), e);
    }
    if (parts.isEmpty()) {
      throw new AssertionError("no PortPass tables found");
    }
    return String.join(" UNION ALL ", parts);
  }

  /** An UPDATE (or other change); answers the rows changed. */
  int update(String sql, Object... parameters) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        s.setObject(i + 1, parameters[i]);
      }
      return s.executeUpdate();
    } catch (SQLException e) {
      throw new AssertionError("update failed: " + sql + ": " + e.getMessage(), e);
    }
  }

  /**
   * Waits until the card intake has caught up with what earlier requests decided: it runs after
   * their transactions, on a thread of its own. Caught up: every pass waiting for a card has a job,
   * no revoked pass has an open job, every finished job has been reported ready, and the revocation
   * list (kept on a thread of its own too) lists every pass of a status other than PENDING_CARD,
   * ACTIVE and EXPIRED with that status, no other pass, and every voided card.
   */
  void awaitCardIntake() {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (cardIntakeBehind() > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the card intake is still behind after 60 s");
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private long cardIntakeBehind() {
    return count(
            "SELECT COUNT(*) FROM pass p WHERE p.status = 'PENDING_CARD'"
                + " AND NOT EXISTS (SELECT 1 FROM card_job j WHERE j.pass_number = p.pass_number)")
        + count(
            "SELECT COUNT(*) FROM card_job j JOIN pass p ON p.pass_number = j.pass_number"
                + " WHERE p.status = 'REVOKED' AND j.open_pass_number IS NOT NULL")
        + count("SELECT COUNT(*) FROM card_job WHERE status = 'DONE' AND ready_reported = FALSE")
        + revocationListBehind();
  }

  private long revocationListBehind() {
    String listed = "p.status NOT IN ('PENDING_CARD', 'ACTIVE', 'EXPIRED')";
    return count(
            "SELECT COUNT(*) FROM pass p WHERE "
                + listed
                + " AND p.valid_to >= CURRENT_DATE AND NOT EXISTS (SELECT 1 FROM revocation_entry r"
                + " WHERE r.listed_key = 'P:' || p.pass_number AND r.reason = p.status)")
        + count(
            "SELECT COUNT(*) FROM revocation_entry r WHERE r.kind = 'P'"
                + " AND r.listed_key IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pass p"
                + " WHERE p.pass_number = r.subject AND "
                + listed
                + ")")
        + count("SELECT COUNT(*) FROM revocation_card_void")
        + count(
            "SELECT COUNT(*) FROM card c JOIN pass p ON p.pass_number = c.pass_number"
                + " WHERE c.status = 'VOID' AND p.valid_to >= CURRENT_DATE AND NOT EXISTS"
                + " (SELECT 1 FROM revocation_entry r WHERE r.kind = 'C' AND r.subject = c.serial)");
  }

  /** A single number, e.g. a COUNT(*). */
  long count(String sql, Object... parameters) {
    return Long.parseLong(rows(sql, parameters).get(0).get(0));
  }
}
