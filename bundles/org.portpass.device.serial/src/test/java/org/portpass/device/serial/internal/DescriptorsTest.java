package org.portpass.device.serial.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.portpass.device.CardPrinter;
import org.portpass.device.QrScanner;
import org.portpass.device.RfidEncoder;

/** The OSGi descriptors bnd generates: one device service per factory configuration. */
class DescriptorsTest {

  static Stream<Arguments> components() {
    return Stream.of(
        Arguments.of(SerialCardPrinter.class, CardPrinter.class, SerialDevices.PRINTER_PID),
        Arguments.of(SerialQrScanner.class, QrScanner.class, SerialDevices.SCANNER_PID),
        Arguments.of(SerialRfidEncoder.class, RfidEncoder.class, SerialDevices.ENCODER_PID));
  }

  @ParameterizedTest
  @MethodSource("components")
  void componentIsADeviceServiceThatWaitsForItsConfiguration(
      Class<?> component, Class<?> service, String pid) throws Exception {
    String xml = resource("OSGI-INF/" + component.getName() + ".xml");
    assertTrue(xml.contains("interface=\"" + service.getName() + "\""), xml);
    assertTrue(xml.contains("configuration-pid=\"" + pid + "\""), xml);
    assertTrue(xml.contains("configuration-policy=\"require\""), xml);
    assertTrue(xml.contains("deactivate=\"deactivate\""), xml);
    assertFalse(xml.contains("<reference"), xml);
    // port and desk come from the configuration only, so a device is never at a default desk
    assertFalse(xml.contains("name=\"port\""), xml);
    assertFalse(xml.contains("name=\"desk\""), xml);
  }

  @Test
  void metatypeDescribesOneFactoryConfigurationPerDeviceKind() throws Exception {
    String xml = resource("OSGI-INF/metatype/" + SerialDevices.Config.class.getName() + ".xml");
    for (String pid :
        new String[] {
          SerialDevices.PRINTER_PID, SerialDevices.SCANNER_PID, SerialDevices.ENCODER_PID
        }) {
      assertTrue(xml.contains("<Designate factoryPid=\"" + pid + "\">"), xml);
    }
    for (String id : new String[] {"port", "desk", "serialPort", "baudRate", "timeoutMillis"}) {
      assertTrue(xml.contains("id=\"" + id + "\""), xml);
    }
    assertTrue(xml.contains("default=\"115200\""), xml);
    assertTrue(xml.contains("default=\"5000\""), xml);
  }

  private String resource(String name) throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
      assertNotNull(in, name + " not generated (bnd-process runs before the tests)");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
