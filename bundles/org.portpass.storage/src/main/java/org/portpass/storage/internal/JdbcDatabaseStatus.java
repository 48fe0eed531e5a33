package org.portpass.storage.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.portpass.storage.DatabaseStatus;
import org.portpass.storage.PortPassDataSource;

@Component
public class JdbcDatabaseStatus implements DatabaseStatus {
  private final DataSource dataSource;

  @Activate
  public JdbcDatabaseStatus(@Reference(target = PortPassDataSource.TARGET) DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Report check() {
    long start = System.nanoTime();
    try (Connection connection = dataSource.getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      String product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
      int changesets = countChangesets(connection);
      return new Report(
          true, product, withoutCredentials(meta.getURL()), changesets, elapsed(start), null);
    } catch (SQLException e) {
      return new Report(false, null, null, 0, elapsed(start), e.getMessage());
    }
  }

  private static int countChangesets(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
      rows.next();
      return rows.getInt(1);
    } catch (SQLException e) {
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
