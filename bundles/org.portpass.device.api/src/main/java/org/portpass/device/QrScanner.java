package org.portpass.device;

import org.osgi.annotation.versioning.ConsumerType;

/** Reads the QR code of the printed card in the desk's tray. */
@ConsumerType
public interface QrScanner extends CardDevice {
  /** Returns the text of the QR code the scanner sees. */
  String scan() throws DeviceException;
}
