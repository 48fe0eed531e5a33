package org.portpass.storage;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A marker service registered once a capability's schema is migrated, with the service property
 * {@value #UNIT} naming the capability. Components that use the tables require it, so nothing
 * touches the database before its schema exists.
 */
@ProviderType
public interface SchemaReady {
  String UNIT = "portpass.schema";

  /** The capability whose tables are ready, e.g. {@code registry}. */
  String unit();
}
