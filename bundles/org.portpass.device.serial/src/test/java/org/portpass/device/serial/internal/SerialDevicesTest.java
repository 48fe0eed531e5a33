package org.portpass.device.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portpass.device.serial.internal.DeviceAssertions.assertFault;

import java.nio.file.Path;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.portpass.device.CardDevice;
import org.portpass.device.DeviceException;
import org.portpass.device.DeviceStatus;
import org.portpass.device.Fault;

/** The components built from their configurations, without a device (no socat needed). */
class SerialDevicesTest {
  @TempDir Path dir;

  static Stream<Named<Function<SerialDevices.Config, CardDevice>>> components() {
    return Stream.of(
        Named.of("printer", SerialCardPrinter::new),
        Named.of("scanner", SerialQrScanner::new),
        Named.of("encoder", SerialRfidEncoder::new));
  }

  static Stream<Arguments> badConfigurations() {
    return components()
        .flatMap(
            component ->
                Stream.of(
                    bad(component, "no port", Configs.config(null, "desk-1", "/dev/x", 9600, 500)),
                    bad(component, "blank desk", Configs.config("KEL", " ", "/dev/x", 9600, 500)),
                    bad(
                        component,
                        "no serial port",
                        Configs.config("KEL", "desk-1", "", 9600, 500)),
                    bad(component, "zero baud", Configs.config("KEL", "desk-1", "/dev/x", 0, 500)),
                    bad(component, "99 ms", Configs.config("KEL", "desk-1", "/dev/x", 9600, 99))));
  }

  private static Arguments bad(
      Named<Function<SerialDevices.Config, CardDevice>> component,
      String what,
      SerialDevices.Config config) {
    return Arguments.of(component, Named.of(what, config));
  }

  @ParameterizedTest
  @MethodSource("badConfigurations")
  void configurationThatCannotReachADeskIsRefusedAtActivation(
      Function<SerialDevices.Config, CardDevice> component, SerialDevices.Config config) {
    assertThrows(IllegalArgumentException.class, () -> component.apply(config));
  }

  @ParameterizedTest
  @MethodSource("components")
  void deviceIsNamedAfterItsSerialPort(Function<SerialDevices.Config, CardDevice> component) {
    assertEquals(
        "serial:/dev/ttyUSB0", component.apply(Configs.at(Path.of("/dev/ttyUSB0"))).name());
  }

  @ParameterizedTest
  @MethodSource("components")
  void statusWithoutTheDeviceIsOfflineNotAnException(
      Function<SerialDevices.Config, CardDevice> component) {
    DeviceStatus status = component.apply(Configs.at(dir.resolve("ttyUSB9"))).status();

    assertFalse(status.online());
    assertTrue(status.detail().startsWith("DISCONNECTED: "), status.detail());
  }

  @Test
  void stepsWithoutTheDeviceAreDisconnected() {
    Path absent = dir.resolve("ttyUSB9");

    assertFault(
        Fault.DISCONNECTED, () -> new SerialCardPrinter(Configs.at(absent)).print("C1", png()));
    assertFault(Fault.DISCONNECTED, () -> new SerialQrScanner(Configs.at(absent)).scan());
    assertFault(
        Fault.DISCONNECTED, () -> new SerialRfidEncoder(Configs.at(absent)).write(new byte[1]));
    assertFault(Fault.DISCONNECTED, () -> new SerialRfidEncoder(Configs.at(absent)).read());
  }

  @Test
  void deactivatedDeviceRefusesSteps() {
    SerialQrScanner scanner = new SerialQrScanner(Configs.at(dir.resolve("ttyUSB9")));
    scanner.deactivate();

    DeviceException e = assertFault(Fault.DISCONNECTED, scanner::scan);
    assertTrue(e.getMessage().contains("no longer configured"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "KEL 1", "KEL-1\n", "卡-1"})
  void cardSerialMustBeOneWordOfAscii(String serial) {
    SerialCardPrinter printer = new SerialCardPrinter(Configs.at(dir.resolve("ttyUSB9")));

    assertThrows(IllegalArgumentException.class, () -> printer.print(serial, png()));
  }

  @Test
  void cardFaceBeyondTheLineLimitIsRefusedBeforeSending() {
    SerialCardPrinter printer = new SerialCardPrinter(Configs.at(dir.resolve("ttyUSB9")));
    byte[] huge = new byte[SerialLine.MAX_LINE / 4 * 3];

    DeviceException e = assertFault(Fault.DEVICE_ERROR, () -> printer.print("C1", huge));
    assertTrue(e.getMessage().contains("exceeds the protocol's limit"), e.getMessage());
  }

  @Test
  void emptyChipDataIsRefused() {
    SerialRfidEncoder encoder = new SerialRfidEncoder(Configs.at(dir.resolve("ttyUSB9")));

    assertThrows(IllegalArgumentException.class, () -> encoder.write(new byte[0]));
  }

  private static byte[] png() {
    return new byte[] {(byte) 0x89, 'P', 'N', 'G'};
  }
}
