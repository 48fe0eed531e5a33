package org.portpass.device.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;
import org.portpass.device.DeviceException;
import org.portpass.device.Fault;

final class DeviceAssertions {
  private DeviceAssertions() {}

  /** Asserts that the device step fails with {@code fault}; returns the failure for its message. */
  static DeviceException assertFault(Fault fault, Executable step) {
    DeviceException e = assertThrows(DeviceException.class, step);
    assertEquals(fault, e.fault(), e.getMessage());
    return e;
  }
}
