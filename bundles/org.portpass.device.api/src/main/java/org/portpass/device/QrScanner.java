package org.portpass.device;

/** Reads the QR code of the printed card in the desk's tray. */
public interface QrScanner extends CardDevice {
  /** Returns the text of the QR code the scanner sees. */
  String scan() throws DeviceException;
}
