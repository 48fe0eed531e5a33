package org.portpass.testing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.portpass.core.LocalizedText;
import org.portpass.core.Port;
import org.portpass.core.PortDirectory;

/** The port directory as configured for the tests: Keelung, Kaohsiung and Taipei, one desk each. */
public final class FixedPorts implements PortDirectory {
  private final List<Port> ports =
      List.of(
          port("KEL", "基隆港", "Keelung"),
          port("KHH", "高雄港", "Kaohsiung"),
          port("TPE", "臺北港", "Taipei"));

  private static Port port(String code, String zh, String en) {
    return new Port(code, new LocalizedText(zh, en), List.of("desk-1"));
  }

  @Override
  public List<Port> ports() {
    return ports;
  }

  @Override
  public Optional<Port> find(String code) {
    String wanted = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
    return ports.stream().filter(p -> p.code().equals(wanted)).findFirst();
  }

  @Override
  public Set<String> codes() {
    return new TreeSet<>(ports.stream().map(Port::code).toList());
  }
}
