package org.portpass.device.serial.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * What the three serial device components share: their factory configuration PIDs and the settings
 * of one physical device. Each configuration, e.g. {@code
 * etc/org.portpass.device.serial.printer-desk1.cfg}, makes one device service; its {@code port} and
 * {@code desk} become the service properties the desk selects its devices by.
 */
public final class SerialDevices {
  static final String PRINTER_PID = "org.portpass.device.serial.printer";
  static final String SCANNER_PID = "org.portpass.device.serial.scanner";
  static final String ENCODER_PID = "org.portpass.device.serial.encoder";

  /** The shortest reply timeout: jSerialComm waits in tenths of a second. */
  static final int MIN_TIMEOUT_MILLIS = 100;

  private SerialDevices() {}

  /** One card printer, QR scanner or RFID encoder on its own serial port. */
  @ObjectClassDefinition(
      name = "PortPass serial card-desk device",
      description =
          "One card printer, QR scanner or RFID encoder on a serial port, speaking the PortPass"
              + " line protocol; one configuration per physical device")
  public @interface Config {
    @AttributeDefinition(description = "Port code of the desk the device is attached to, e.g. KEL")
    String port();

    @AttributeDefinition(description = "Desk name within the port, e.g. desk-1")
    String desk();

    @AttributeDefinition(
        description =
            "System path of the device's serial port, e.g. /dev/ttyUSB0, or better a stable"
                + " /dev/serial/by-id/... link; each device needs its own port")
    String serialPort();

    @AttributeDefinition(
        description =
            "Line speed in bit/s; always 8 data bits, no parity, 1 stop bit, no flow control",
        min = "1")
    int baudRate() default 115200;

    @AttributeDefinition(
        description =
            "How long the device may take to reply once a request is sent, in milliseconds"
                + " (resolution 100 ms); a printer's must exceed its printing time",
        min = "100")
    int timeoutMillis() default 5000;
  }

  /** The line of a configured device; refuses a configuration that cannot reach a desk. */
  static SerialLine line(Config config) {
    require(config.port(), "port", "the port code of the desk, e.g. KEL");
    require(config.desk(), "desk", "the desk name, e.g. desk-1");
    require(config.serialPort(), "serialPort", "the serial port's path, e.g. /dev/ttyUSB0");
    if (config.baudRate() <= 0) {
      throw new IllegalArgumentException("baudRate must be positive, not " + config.baudRate());
    }
    if (config.timeoutMillis() < MIN_TIMEOUT_MILLIS) {
      throw new IllegalArgumentException(
          "timeoutMillis must be at least "
              + MIN_TIMEOUT_MILLIS
              + ", not "
              + config.timeoutMillis());
    }
    return new SerialLine(config.serialPort().strip(), config.baudRate(), config.timeoutMillis());
  }

  private static void require(String value, String property, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "The configuration lacks " + property + ": set it to " + what);
    }
  }
}
