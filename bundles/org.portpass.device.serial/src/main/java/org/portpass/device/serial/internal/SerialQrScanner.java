package org.portpass.device.serial.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Base64;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.portpass.device.DeviceException;
import org.portpass.device.QrScanner;

/**
 * A QR scanner on a serial port: one per factory configuration of {@value
 * SerialDevices#SCANNER_PID}. {@code SCAN} answers the QR text in base64, so any text, line breaks
 * included, fits on the reply line.
 */
@Component(
    service = QrScanner.class,
    configurationPid = SerialDevices.SCANNER_PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SerialDevices.Config.class, factory = true)
public final class SerialQrScanner extends SerialDevice implements QrScanner {
  @Activate
  public SerialQrScanner(SerialDevices.Config config) {
    super(config);
  }

  @Deactivate
  void deactivate() {
    line.close();
  }

  @Override
  public String scan() throws DeviceException {
    String reply = line.request("SCAN");
    try {
      byte[] text = Base64.getDecoder().decode(reply);
      if (text.length > 0) {
        return new String(text, UTF_8);
      }
    } catch (IllegalArgumentException notBase64) {
      // reported below, like an empty text
    }
    throw line.unreadable("SCAN", reply);
  }
}
