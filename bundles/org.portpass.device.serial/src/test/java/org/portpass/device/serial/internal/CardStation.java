package org.portpass.device.serial.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * What a simulated combined card station does with the commands of {@code PROTOCOL.md}: the printer
 * leaves the printed card in the tray, the scanner decodes the QR code of that card's image with
 * ZXing, the encoder writes that card's chip under a new UID and reads it back. Shared by the
 * {@link DeviceSimulator}s of one desk.
 */
final class CardStation {
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final Random random = new Random(7);
  private byte[] tray;
  private String printedSerial;
  private String chipUid;
  private byte[] chip;

  /** The reply to one command, without the tag. */
  synchronized String answer(String command) {
    String[] words = command.split(" ");
    return switch (words[0]) {
      case "STATUS" -> "OK ready, " + (tray == null ? "tray empty" : "card in tray");
      case "PRINT" -> words.length == 3 ? print(words[1], words[2]) : usage(command);
      case "SCAN" -> words.length == 1 ? scan() : usage(command);
      case "WRITE" -> words.length == 2 ? write(words[1]) : usage(command);
      case "READ" -> words.length == 1 ? read() : usage(command);
      default -> "ERR DEVICE_ERROR unknown command " + words[0];
    };
  }

  synchronized byte[] tray() {
    return tray;
  }

  synchronized String printedSerial() {
    return printedSerial;
  }

  private String print(String serial, String base64Png) {
    tray = Base64.getDecoder().decode(base64Png);
    printedSerial = serial;
    chipUid = null;
    chip = null;
    return "OK";
  }

  private String scan() {
    if (tray == null) {
      return "ERR NO_CARD no printed card in the tray";
    }
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(tray));
      if (image == null) {
        return "ERR WRONG_READ the printed card is not an image";
      }
      String text =
          new QRCodeReader()
              .decode(
                  new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
              .getText();
      return "OK " + Base64.getEncoder().encodeToString(text.getBytes(UTF_8));
    } catch (IOException | ReaderException e) {
      return "ERR WRONG_READ no QR code found on the card";
    }
  }

  private String write(String hex) {
    if (tray == null) {
      return "ERR NO_CARD no card in the encoder";
    }
    byte[] uid = new byte[7];
    random.nextBytes(uid);
    chipUid = HEX.formatHex(uid);
    chip = HEX.parseHex(hex);
    return "OK " + chipUid;
  }

  private String read() {
    if (chip == null) {
      return "ERR NO_CARD no written chip in the encoder";
    }
    return "OK " + chipUid + " " + HEX.formatHex(chip);
  }

  private static String usage(String command) {
    return "ERR DEVICE_ERROR malformed request " + command.split(" ")[0];
  }
}
