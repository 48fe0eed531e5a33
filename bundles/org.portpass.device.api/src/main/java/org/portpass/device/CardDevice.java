package org.portpass.device;

import org.osgi.annotation.versioning.ConsumerType;

/** What every card desk device tells about itself. */
@ConsumerType
public interface CardDevice {
  /** Service property: the port code of the desk the device is attached to, e.g. {@code KEL}. */
  String PORT = "port";

  /** Service property: the desk's name within its port, e.g. {@code desk-1}. */
  String DESK = "desk";

  /**
   * A name for the device that identifies it in job records, e.g. {@code sim-printer} or {@code
   * serial:/dev/ttyUSB0}.
   */
  String name();

  /** Asks the device how it is; never throws. */
  DeviceStatus status();
}
