package org.portpass.device.serial.internal;

import java.lang.annotation.Annotation;
import java.nio.file.Path;

/** Device configurations as Config Admin would pass them to the components. */
final class Configs {
  static final int TIMEOUT_MILLIS = 2000;

  private Configs() {}

  /** A device at desk KEL/desk-1 on {@code serialPort}. */
  static SerialDevices.Config at(Path serialPort) {
    return config("KEL", "desk-1", serialPort.toString(), 115200, TIMEOUT_MILLIS);
  }

  static SerialDevices.Config config(
      String port, String desk, String serialPort, int baudRate, int timeoutMillis) {
    return new SerialDevices.Config() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return SerialDevices.Config.class;
      }

      @Override
      public String port() {
        return port;
      }

      @Override
      public String desk() {
        return desk;
      }

      @Override
      public String serialPort() {
        return serialPort;
      }

      @Override
      public int baudRate() {
        return baudRate;
      }

      @Override
      public int timeoutMillis() {
        return timeoutMillis;
      }
    };
  }
}
