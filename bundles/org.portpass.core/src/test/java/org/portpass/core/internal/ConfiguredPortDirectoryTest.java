package org.portpass.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.portpass.core.Port;

class ConfiguredPortDirectoryTest {
  @Test
  void withoutConfigurationTheNinePortsWithTheirNames() {
    ConfiguredPortDirectory directory = new ConfiguredPortDirectory();
    directory.configure(Map.of());
    assertEquals(
        Set.of("KEL", "TPE", "SUO", "TXG", "KHH", "ANP", "HUN", "BUD", "MZG"), directory.codes());
    Port kel = directory.find(" kel ").orElseThrow();
    assertEquals("基隆港", kel.name().zhTw());
    assertEquals("Port of Keelung", kel.name().en());
    assertEquals(List.of(), kel.desks());
  }

  @Test
  void configuredCodesNamesAndDesks() {
    ConfiguredPortDirectory directory = new ConfiguredPortDirectory();
    directory.configure(
        Map.of(
            "ports", "khh, xyz",
            "XYZ.name.zh-TW", "測試港",
            "XYZ.name.en", "Test Port",
            "KHH.desks", new String[] {"desk-1", " desk-2 "}));
    assertEquals(Set.of("KHH", "XYZ"), directory.codes());
    assertEquals("Port of Kaohsiung", directory.find("KHH").orElseThrow().name().en());
    assertEquals(List.of("desk-1", "desk-2"), directory.find("KHH").orElseThrow().desks());
    assertEquals("測試港", directory.find("XYZ").orElseThrow().name().zhTw());
    assertTrue(directory.find("KEL").isEmpty());
  }
}
