package org.portpass.device.serial.internal;

import org.portpass.device.CardDevice;
import org.portpass.device.DeviceStatus;

/** What the three serial devices share: their line, which names them and answers for them. */
abstract class SerialDevice implements CardDevice {
  final SerialLine line;

  SerialDevice(SerialDevices.Config config) {
    line = SerialDevices.line(config);
  }

  @Override
  public String name() {
    return line.name();
  }

  @Override
  public DeviceStatus status() {
    return line.status();
  }
}
