package org.portpass.card.internal.service;

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
 * Migrates the card job, card, attempt and key tables (after the application capability's, whose
 * passes the cards are made for).
 */
@Component(
    immediate = true,
    service = {})
public class CardSchema {
  static final String UNIT = "card";
  static final String READY = "(" + SchemaReady.UNIT + "=" + UNIT + ")";

  private final ServiceRegistration<SchemaReady> registration;

  @Activate
  public CardSchema(
      BundleContext context,
      @Reference(target = PortPassDataSource.TARGET) DataSource dataSource,
      @Reference SchemaMigrations migrations,
      @Reference(target = "(" + SchemaReady.UNIT + "=application)") SchemaReady application) {
    registration = migrations.migrateAndAnnounce(dataSource, context, "db/card.xml", UNIT);
  }

  @Deactivate
  void deactivate() {
    registration.unregister();
  }
}
