package org.portpass.device.serial.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;

/** Card face PNGs as the desk would send them to the printer. */
final class CardFaces {
  private CardFaces() {}

  /** A small face that is only the QR code of {@code text}. */
  static byte[] qrCode(String text) throws IOException, WriterException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    MatrixToImageWriter.writeToStream(
        new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 240, 240), "PNG", png);
    return png.toByteArray();
  }

  /**
   * A card-sized face (85.6 × 54 mm at 300 dpi, like the desk's renderer) whose photo area is noise
   * that does not compress, so its PNG is over a megabyte, with the QR code of {@code text} beside
   * it.
   */
  static byte[] largeWithQrCode(String text) throws IOException, WriterException {
    BufferedImage face = new BufferedImage(1011, 638, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = face.createGraphics();
    graphics.setColor(Color.WHITE);
    graphics.fillRect(0, 0, face.getWidth(), face.getHeight());
    graphics.drawImage(
        MatrixToImageWriter.toBufferedImage(
            new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 300, 300)),
        680,
        160,
        null);
    graphics.dispose();
    Random noise = new Random(1);
    for (int y = 19; y < 619; y++) {
      for (int x = 20; x < 620; x++) {
        face.setRGB(x, y, noise.nextInt(0x1000000));
      }
    }
    return png(face);
  }

  /** A face without any QR code. */
  static byte[] blank() throws IOException {
    return png(new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB));
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageIO.write(image, "PNG", png);
    return png.toByteArray();
  }
}
