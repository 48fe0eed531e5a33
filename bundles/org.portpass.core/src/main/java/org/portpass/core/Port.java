package org.portpass.core;

import java.util.List;

/**
 * A port PortPass serves.
 *
 * @param code the port code, e.g. {@code KEL}
 * @param name the port's name in zh-TW and English
 * @param desks the card desks (pickup desks) configured for the port; may be empty
 */
public record Port(String code, LocalizedText name, List<String> desks) {
  public Port {
    desks = List.copyOf(desks);
  }
}
