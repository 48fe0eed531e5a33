package org.portpass.storage;

/** How components find the one PortPass DataSource that pax-jdbc-config registers. */
public final class PortPassDataSource {
  /** The {@code dataSourceName} of {@code etc/org.ops4j.datasource-portpass.cfg}. */
  public static final String NAME = "portpass";

  /** Service filter for {@code @Reference(target = ...)}. */
  public static final String TARGET = "(dataSourceName=" + NAME + ")";

  private PortPassDataSource() {}
}
