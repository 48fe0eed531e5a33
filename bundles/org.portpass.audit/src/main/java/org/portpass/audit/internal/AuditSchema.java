package org.portpass.audit.internal;

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

/** Migrates the audit table, then announces it. */
@Component(
    immediate = true,
    service = {})
public class AuditSchema {
  static final String UNIT = "audit";
  static final String READY = "(" + SchemaReady.UNIT + "=" + UNIT + ")";

  private final ServiceRegistration<SchemaReady> registration;

  @Activate
  public AuditSchema(
      BundleContext context,
      @Reference(target = PortPassDataSource.TARGET) DataSource dataSource,
      @Reference SchemaMigrations migrations) {
    registration = migrations.migrateAndAnnounce(dataSource, context, "db/audit.xml", UNIT);
  }

  @Deactivate
  void deactivate() {
    registration.unregister();
  }
}
