package org.portpass.device.serial.internal;

import java.util.Base64;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.portpass.device.CardPrinter;
import org.portpass.device.DeviceException;

/**
 * A card printer on a serial port: one per factory configuration of {@value
 * SerialDevices#PRINTER_PID}. Sends the card face as {@code PRINT <cardSerial> <base64 png>}.
 */
@Component(
    service = CardPrinter.class,
    configurationPid = SerialDevices.PRINTER_PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SerialDevices.Config.class, factory = true)
public final class SerialCardPrinter extends SerialDevice implements CardPrinter {
  /** A card serial travels as one word of the request line. */
  private static final Pattern CARD_SERIAL = Pattern.compile("[!-~]{1,64}");

  @Activate
  public SerialCardPrinter(SerialDevices.Config config) {
    super(config);
  }

  @Deactivate
  void deactivate() {
    line.close();
  }

  @Override
  public void print(String cardSerial, byte[] png) throws DeviceException {
    if (cardSerial == null || !CARD_SERIAL.matcher(cardSerial).matches()) {
      throw new IllegalArgumentException(
          "A card serial is 1 to 64 printable ASCII characters without spaces, not \""
              + cardSerial
              + "\"");
    }
    line.request("PRINT " + cardSerial + " " + Base64.getEncoder().encodeToString(png));
  }
}
