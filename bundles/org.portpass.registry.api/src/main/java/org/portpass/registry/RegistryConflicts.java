package org.portpass.registry;

/**
 * The {@code code} of every {@link org.portpass.core.ConflictException} (409) the registry raises,
 * besides core's {@code duplicate} and {@code stale-version}.
 */
public final class RegistryConflicts {
  /** A person or vehicle that an application form or pass still names cannot be deleted. */
  public static final String IN_USE = "in-use";

  private RegistryConflicts() {}
}
