package org.portpass.device.sim.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.portpass.device.CardPrinter;
import org.portpass.device.DeviceException;
import org.portpass.device.DeviceStatus;
import org.portpass.device.Fault;
import org.portpass.device.QrScanner;
import org.portpass.device.RfidEncoder;

/**
 * A simulated card station: printer, QR scanner and RFID encoder of one desk. The printer keeps the
 * printed image in the tray and the scanner decodes the QR code from it with ZXing, so a desk's
 * verify step is real. Faults are queued from the configuration ({@code faults}, e.g. {@code
 * PRINT:JAM,VERIFY:WRONG_READ}) and each happens once, at the next operation of its step.
 */
@Component(
    configurationPid = SimulatedStation.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    service = {CardPrinter.class, QrScanner.class, RfidEncoder.class})
@Designate(ocd = SimulatedStation.Config.class, factory = true)
public class SimulatedStation implements CardPrinter, QrScanner, RfidEncoder {
  static final String PID = "org.portpass.device.sim";
  private static final List<String> STEPS = List.of("PRINT", "VERIFY", "ENCODE");

  @ObjectClassDefinition(
      name = "PortPass simulated card station",
      description = "Printer, QR scanner and RFID encoder of one desk, simulated")
  public @interface Config {
    @AttributeDefinition(description = "Port code of the desk, e.g. KEL")
    String port();

    @AttributeDefinition(description = "Desk name within the port, e.g. desk-1")
    String desk();

    @AttributeDefinition(
        description =
            "Faults to happen once each, in order: STEP:FAULT separated by commas, where STEP is"
                + " PRINT, VERIFY or ENCODE and FAULT a device fault (JAM, DISCONNECTED, TIMEOUT,"
                + " WRONG_READ, ENCODE_ERROR, NO_CARD)")
    String faults() default "";

    @AttributeDefinition(description = "Simulated time to print a card, in milliseconds")
    int printMillis() default 0;

    @AttributeDefinition(description = "Simulated time to scan a card, in milliseconds")
    int scanMillis() default 0;

    @AttributeDefinition(description = "Simulated time to write and read a chip, in milliseconds")
    int encodeMillis() default 0;
  }

  private final SecureRandom random = new SecureRandom();
  private Config config;
  private final Deque<String[]> faults = new ArrayDeque<>();
  private byte[] tray;
  private String chipUid;
  private byte[] chip;

  @Activate
  public SimulatedStation(Config config) {
    modified(config);
  }

  @Modified
  synchronized void modified(Config config) {
    this.config = config;
    faults.clear();
    for (String item : config.faults().split(",")) {
      String[] fault = item.strip().toUpperCase(Locale.ROOT).split(":");
      if (fault.length == 2 && STEPS.contains(fault[0])) {
        Fault.valueOf(fault[1]); // refuse an unknown fault name loudly
        faults.add(fault);
      }
    }
  }

  @Override
  public String name() {
    return "sim:" + config.port() + "/" + config.desk();
  }

  @Override
  public synchronized DeviceStatus status() {
    return DeviceStatus.online(
        "simulated" + (faults.isEmpty() ? "" : ", " + faults.size() + " fault(s) queued"));
  }

  @Override
  public synchronized void print(String cardSerial, byte[] png) throws DeviceException {
    work("PRINT", config.printMillis());
    if (png == null || png.length == 0) {
      throw new DeviceException(Fault.DEVICE_ERROR, "nothing to print");
    }
    tray = png.clone();
    chipUid = null;
    chip = null;
  }

  @Override
  public synchronized String scan() throws DeviceException {
    Fault fault = work("VERIFY", config.scanMillis());
    if (tray == null) {
      throw new DeviceException(Fault.NO_CARD, "no printed card in the tray");
    }
    String text = decode(tray);
    // a misread: what the scanner returns differs from what is printed
    return fault == Fault.WRONG_READ ? text.substring(0, text.length() - 2) + "xx" : text;
  }

  @Override
  public synchronized String write(byte[] data) throws DeviceException {
    work("ENCODE", config.encodeMillis());
    if (tray == null) {
      throw new DeviceException(Fault.NO_CARD, "no card in the encoder");
    }
    byte[] uid = new byte[7];
    random.nextBytes(uid);
    chipUid = HexFormat.of().withUpperCase().formatHex(uid);
    chip = data.clone();
    return chipUid;
  }

  @Override
  public synchronized ChipRead read() throws DeviceException {
    if (chip == null) {
      throw new DeviceException(Fault.NO_CARD, "no written chip in the encoder");
    }
    return new ChipRead(chipUid, chip.clone());
  }

  /**
   * Waits the simulated time and raises the step's next queued fault. WRONG_READ is not thrown: the
   * device returns something, only the wrong thing.
   */
  private Fault work(String step, int millis) throws DeviceException {
    if (millis > 0) {
      try {
        wait(millis); // releases the lock, so status() answers meanwhile
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DeviceException(Fault.DISCONNECTED, "interrupted");
      }
    }
    String[] next = faults.peek();
    if (next == null || !next[0].equals(step)) {
      return null;
    }
    faults.remove();
    Fault fault = Fault.valueOf(next[1]);
    if (fault == Fault.WRONG_READ) {
      return fault;
    }
    throw new DeviceException(fault, "simulated " + fault.name().toLowerCase(Locale.ROOT));
  }

  private static String decode(byte[] png) throws DeviceException {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      if (image == null) {
        throw new DeviceException(Fault.WRONG_READ, "the printed card is not an image");
      }
      int[] pixels =
          image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
      BinaryBitmap bitmap =
          new BinaryBitmap(
              new HybridBinarizer(
                  new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
      return new QRCodeReader()
          .decode(
              bitmap,
              Map.of(
                  DecodeHintType.TRY_HARDER,
                  Boolean.TRUE,
                  DecodeHintType.POSSIBLE_FORMATS,
                  Arrays.asList(BarcodeFormat.QR_CODE)))
          .getText();
    } catch (IOException | ReaderException e) {
      throw new DeviceException(Fault.WRONG_READ, "no QR code found on the card");
    }
  }
}
