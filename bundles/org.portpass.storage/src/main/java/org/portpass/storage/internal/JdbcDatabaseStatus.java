package org.portpass.storage.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.portpass.storage.DatabaseFailures;
import org.portpass.storage.DatabaseStatus;
import org.portpass.storage.PortPassDataSource;

@Component
public class JdbcDatabaseStatus implements DatabaseStatus {
  /** Seconds a probe waits for the database's answer on a connection it got. */
  private static final int PROBE_SECONDS = 2;

  private final DataSource dataSource;
  private final DatabaseBreaker breaker;

  @Activate
  public JdbcDatabaseStatus(@Reference(target = PortPassDataSource.TARGET) DataSource dataSource) {
    this.dataSource = dataSource;
    this.breaker = new DatabaseBreaker(this::answers);
  }

  @Deactivate
  void deactivate() {
    breaker.close();
  }

  @Override
  public Report check() {
    DatabaseBreaker.Outage outage = breaker.outage();
    if (outage != null) {
      long down = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outage.since());
      return new Report(
          false, null, null, 0, 0, "out of reach for " + down + " ms: " + outage.reason());
    }
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
      int changesets = countChangesets(connection);
      return new Report(
          true, product, withoutCredentials(meta.getURL()), changesets, elapsed(start), null);
    } catch (SQLException e) {
      if (DatabaseFailures.unavailable(e)) {
        breaker.open(e);
      }
      return new Report(false, null, null, 0, elapsed(start), e.getMessage());
    }
  }

  @Override
  public boolean reachable() {
    return breaker.outage() == null;
  }

  @Override
  public void unreachable(Throwable cause) {
    breaker.open(cause);
  }

  /** The breaker's probe: a pooled connection that passes its validity check. */
  private boolean answers() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(PROBE_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }

  private static int countChangesets(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
      rows.next();
      return rows.getInt(1);
    } catch (SQLException e) {
      if (DatabaseFailures.unavailable(e)) {
        throw e;
      }
      return 0; // no migration has run yet
    }
  }

  private static String withoutCredentials(String url) {
    return url == null ? null : url.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
  }

  private static long elapsed(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
