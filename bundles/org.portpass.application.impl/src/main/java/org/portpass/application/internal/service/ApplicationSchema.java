package org.portpass.application.internal.service;

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
 * Migrates the form, line, decision and pass tables (after the registry's: forms refer to
 * companies).
 */
@Component(
    immediate = true,
    service = {})
public class ApplicationSchema {
  static final String UNIT = "application";
  static final String READY = "(" + SchemaReady.UNIT + "=" + UNIT + ")";

  private final ServiceRegistration<SchemaReady> registration;

  @Activate
  public ApplicationSchema(
      BundleContext context,
      @Reference(target = PortPassDataSource.TARGET) DataSource dataSource,
      @Reference SchemaMigrations migrations,
      @Reference(target = "(" + SchemaReady.UNIT + "=registry)") SchemaReady registry) {
    registration = migrations.migrateAndAnnounce(dataSource, context, "db/application.xml", UNIT);
  }

  @Deactivate
  void deactivate() {
    registration.unregister();
  }
}
