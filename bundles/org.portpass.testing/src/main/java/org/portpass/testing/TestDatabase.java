package org.portpass.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * A fresh in-memory Derby database for one test, with the schema the bundles' own Liquibase
 * changelogs make, and their persistence units on it. Close it after the test: the database is
 * dropped, so tests never see each other's rows.
 *
 * <pre>
 * db = TestDatabase.migrated("db/audit.xml", "db/card.xml");
 * JpaTemplate card = db.unit("portpass-card");
 * </pre>
 */
public final class TestDatabase implements AutoCloseable {
  static {
    // Derby's log goes beside the build's other output, not into the module's folder
    if (System.getProperty("derby.stream.error.file") == null) {
      System.setProperty("derby.stream.error.file", "target/derby.log");
    }
  }

  private final String name = "portpass-" + UUID.randomUUID();
  private final EmbeddedDataSource dataSource = new EmbeddedDataSource();
  private final List<LocalJpaTemplate> units = new ArrayList<>();

  private TestDatabase() {
    dataSource.setDatabaseName("memory:" + name);
  }

  /**
   * A new database migrated with {@code changelogs} in order: classpath paths as the bundles'
   * schema components name them ({@code db/registry.xml} before {@code db/auth.xml}, as in the
   * server). The first database of a list is migrated by Liquibase, the next ones are copies.
   */
  public static TestDatabase migrated(String... changelogs) {
    TestDatabase db = new TestDatabase();
    Templates.restore(db.name, changelogs);
    return db;
  }

  /** The database's name, unique in this JVM. */
  String name() {
    return name;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * The persistence unit {@code unitName} (from a {@code META-INF/persistence.xml} on the
   * classpath) on this database, behind a JpaTemplate as Aries JPA gives it to the services.
   */
  public LocalJpaTemplate unit(String unitName) {
    LocalJpaTemplate unit = new LocalJpaTemplate(LocalUnits.create(unitName, dataSource));
    units.add(unit);
    return unit;
  }

  /** The first column of every row {@code sql} answers: for asserting what was stored. */
  public List<Object> column(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<Object> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getObject(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  /** The single number {@code sql} answers, e.g. a {@code COUNT(*)}. */
  public long number(String sql, Object... parameters) {
    return ((Number) column(sql, parameters).get(0)).longValue();
  }

  /** Runs a statement that changes rows, e.g. to age a timestamp; returns how many it changed. */
  public int update(String sql, Object... parameters) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  @Override
  public void close() {
    units.forEach(LocalJpaTemplate::close);
    Templates.drop(name);
  }
}
