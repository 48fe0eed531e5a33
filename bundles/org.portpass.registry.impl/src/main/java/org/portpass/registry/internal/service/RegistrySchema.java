package org.portpass.registry.internal.service;

import javax.sql.DataSource;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.portpass.storage.PortPassDataSource;
import org.portpass.storage.SchemaMigrations;
import org.portpass.storage.SchemaReady;

/**
 * Migrates the registry's tables, then announces them with a {@link SchemaReady} service. Waits for
 * the audit table, which registry changes write to in their own transactions.
 */
@Component(
    immediate = true,
    service = {})
public class RegistrySchema {
  static final String UNIT = "registry";
  static final String READY = "(" + SchemaReady.UNIT + "=" + UNIT + ")";

  private final ServiceRegistration<SchemaReady> registration;

  @Activate
  public RegistrySchema(
      BundleContext context,
      @Reference(target = PortPassDataSource.TARGET) DataSource dataSource,
      @Reference SchemaMigrations migrations,
      @Reference(target = "(" + SchemaReady.UNIT + "=audit)") SchemaReady audit) {
    registration = migrations.migrateAndAnnounce(dataSource, context, "db/registry.xml", UNIT);
  }

  @Deactivate
  void deactivate() {
    registration.unregister();
  }
}
