package org.portpass.storage.internal;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.OSGiResourceAccessor;
import liquibase.ui.LoggerUIService;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Component;
import org.portpass.storage.SchemaMigrations;
import org.portpass.storage.SchemaReady;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Component
public class LiquibaseSchemaMigrations implements SchemaMigrations {
  private static final Logger LOG = LoggerFactory.getLogger(LiquibaseSchemaMigrations.class);

  @Override
  public synchronized int migrate(DataSource dataSource, Bundle bundle, String changelog) {
    // Liquibase's lock table serialises concurrent nodes; synchronized serialises this JVM.
    try (Connection connection = dataSource.getConnection()) {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      if (database instanceof DerbyDatabase derby) {
        derby.setShutdownEmbeddedDerby(false); // the pool owns the database, not Liquibase
      }
      // Not closed: closing would close the pooled connection's database; the pool does that.
      Liquibase liquibase = new Liquibase(changelog, new OSGiResourceAccessor(bundle), database);
      int pending = liquibase.listUnrunChangeSets(null, null).size();
      // what Liquibase tells a user at a console (each changeset, the summary) goes to the log
      Scope.child(
          Map.of(
              Scope.Attr.ui.name(),
              new LoggerUIService(),
              "liquibase.command.showSummaryOutput",
              UpdateSummaryOutputEnum.LOG),
          () -> liquibase.update(""));
      LOG.info(
          "Schema {} of {}: {} changeset(s) applied", changelog, bundle.getSymbolicName(), pending);
      return pending;
    } catch (Exception e) {
      throw new IllegalStateException(
          "Schema migration " + changelog + " of " + bundle.getSymbolicName() + " failed", e);
    }
  }

  @Override
  public ServiceRegistration<SchemaReady> migrateAndAnnounce(
      DataSource dataSource, BundleContext context, String changelog, String unit) {
    migrate(dataSource, context.getBundle(), changelog);
    SchemaReady ready = () -> unit;
    return context.registerService(
        SchemaReady.class, ready, FrameworkUtil.asDictionary(Map.of(SchemaReady.UNIT, unit)));
  }
}
