package org.portpass.storage;

import javax.sql.DataSource;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/**
 * Brings a capability's tables up to date from the Liquibase changelog it ships in its own bundle.
 * Each capability owns its changelog; changesets already applied are skipped, so start-up on an
 * existing database changes nothing and never loses data.
 */
@ProviderType
public interface SchemaMigrations {
  /**
   * Applies the pending changesets of {@code changelog} (a path inside {@code bundle}) and returns
   * how many were applied. Blocks until done; fails with an exception if any changeset fails,
   * leaving the schema at the last successful changeset.
   */
  int migrate(DataSource dataSource, Bundle bundle, String changelog);

  /**
   * Migrates the changelog of the bundle behind {@code context}, then registers the {@link
   * SchemaReady} service for {@code unit}; unregister it when the capability stops.
   */
  ServiceRegistration<SchemaReady> migrateAndAnnounce(
      DataSource dataSource, BundleContext context, String changelog, String unit);
}
