package org.portpass.testing;

import java.util.HashMap;
import java.util.Map;
import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;
import org.apache.openjpa.persistence.PersistenceProviderImpl;

/**
 * A bundle's persistence unit as a RESOURCE_LOCAL factory on a given DataSource. The unit's own
 * persistence.xml (classes, mapping defaults) is read as shipped; only what ties it to the server
 * (the JTA data source looked up in JNDI, the transaction manager) is replaced.
 */
final class LocalUnits {
  private LocalUnits() {}

  static EntityManagerFactory create(String unitName, DataSource dataSource) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("javax.persistence.transactionType", "RESOURCE_LOCAL");
    properties.put("openjpa.TransactionMode", "local");
    properties.put("openjpa.ConnectionFactoryMode", "local");
    properties.put("openjpa.ConnectionFactory", dataSource);
    properties.put("openjpa.ConnectionFactoryName", "");
    properties.put("openjpa.ManagedRuntime", "invocation");
    EntityManagerFactory factory =
        new PersistenceProviderImpl().createEntityManagerFactory(unitName, properties);
    if (factory == null) {
      throw new IllegalArgumentException(
          "no persistence unit " + unitName + " in a META-INF/persistence.xml on the classpath");
    }
    return factory;
  }
}
