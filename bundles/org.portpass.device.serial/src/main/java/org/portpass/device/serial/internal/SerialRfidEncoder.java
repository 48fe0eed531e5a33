package org.portpass.device.serial.internal;

import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.portpass.device.DeviceException;
import org.portpass.device.RfidEncoder;

/**
 * An RFID encoder on a serial port: one per factory configuration of {@value
 * SerialDevices#ENCODER_PID}. Chip data travels in hex ({@code WRITE <hex>}, {@code READ}).
 */
@Component(
    service = RfidEncoder.class,
    configurationPid = SerialDevices.ENCODER_PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = SerialDevices.Config.class, factory = true)
public final class SerialRfidEncoder extends SerialDevice implements RfidEncoder {
  /** ISO 14443 and 15693 chips have UIDs of 4 to 10 bytes. */
  private static final Pattern UID = Pattern.compile("(?:[0-9A-Fa-f]{2}){4,10}");

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  @Activate
  public SerialRfidEncoder(SerialDevices.Config config) {
    super(config);
  }

  @Deactivate
  void deactivate() {
    line.close();
  }

  @Override
  public String write(byte[] data) throws DeviceException {
    if (data.length == 0) {
      throw new IllegalArgumentException("No data to write to the chip");
    }
    String reply = line.request("WRITE " + HEX.formatHex(data));
    if (!UID.matcher(reply).matches()) {
      throw line.unreadable("WRITE", reply);
    }
    return reply.toUpperCase(Locale.ROOT);
  }

  @Override
  public ChipRead read() throws DeviceException {
    String reply = line.request("READ");
    String[] uidAndData = reply.split(" ", 2);
    if (!UID.matcher(uidAndData[0]).matches()) {
      throw line.unreadable("READ", reply);
    }
    try {
      byte[] data = uidAndData.length == 2 ? HEX.parseHex(uidAndData[1]) : new byte[0];
      return new ChipRead(uidAndData[0].toUpperCase(Locale.ROOT), data);
    } catch (IllegalArgumentException notHex) {
      throw line.unreadable("READ", reply);
    }
  }
}
