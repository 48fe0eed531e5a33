package org.portpass.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ports PortPass serves: the one place their codes and names are configured (configuration PID
 * {@value #PID}). Accounts, applications and the shell take their port list from here.
 */
@ProviderType
public interface PortDirectory {
  String PID = "org.portpass.ports";

  /** Every port, in code order. */
  List<Port> ports();

  /** The port with this code (case-insensitive, surrounding blanks ignored). */
  Optional<Port> find(String code);

  /** The codes of every port, e.g. {@code [ANP, BUD, HUN, KEL, ...]}. */
  Set<String> codes();
}
