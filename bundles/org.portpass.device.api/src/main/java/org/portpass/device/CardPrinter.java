package org.portpass.device;

import org.osgi.annotation.versioning.ConsumerType;

/** Prints a card face on a blank card and ejects it to the desk's tray. */
@ConsumerType
public interface CardPrinter extends CardDevice {
  /**
   * Prints one card.
   *
   * @param cardSerial the serial of the card being printed, for the device's own log
   * @param png the rendered card face, a PNG image at the card's aspect ratio (85.6 × 54 mm)
   */
  void print(String cardSerial, byte[] png) throws DeviceException;
}
