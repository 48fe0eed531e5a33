package org.portpass.testing;

import java.sql.Connection;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Applies a changelog as the storage bundle's {@code LiquibaseSchemaMigrations} does in the server,
 * but reading it from the test classpath instead of a bundle.
 */
final class Migrations {
  /** Held, or java.util.logging forgets the level: Liquibase logs every changeset at INFO. */
  private static final Logger LIQUIBASE = Logger.getLogger("liquibase");

  static {
    if (System.getProperty("liquibase.analytics.enabled") == null) {
      System.setProperty("liquibase.analytics.enabled", "false");
    }
    LIQUIBASE.setLevel(Level.WARNING);
  }

  private Migrations() {}

  static void apply(DataSource dataSource, String changelog) {
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      if (database instanceof DerbyDatabase derby) {
        derby.setShutdownEmbeddedDerby(false); // the test drops the database when it is done
      }
      Liquibase liquibase =
          new Liquibase(
              changelog,
              new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()),
              database);
      Scope.child(
          Map.of(
              Scope.Attr.ui.name(),
              new LoggerUIService(),
              "liquibase.command.showSummaryOutput",
              UpdateSummaryOutputEnum.LOG),
          () -> liquibase.update(""));
    } catch (Exception e) {
      throw new IllegalStateException("migrating " + changelog + " failed", e);
    }
  }
}
