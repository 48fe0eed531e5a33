package org.portpass.card.render.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.LuminanceSource;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.portpass.card.CardFace;

/**
 * The layout of a PortPass card face, drawn with Java2D at 300 dpi: a header band coloured by pass
 * type, the photo on the left, identity and pass number in the middle, the QR code on the right,
 * access ports below and the validity in the footer. Stateless apart from the font families found
 * at construction, so one instance serves concurrent calls.
 */
final class CardPainter {
  /** 85.6 × 54 mm (ISO/IEC 7810 ID-1) at 300 dpi. */
  static final int WIDTH = 1012;

  static final int HEIGHT = 638;

  /**
   * Tried in this order for each text; the first installed one with all of its glyphs is used.
   * Traditional Chinese faces first, as names are written in Taiwan.
   */
  private static final List<String> PREFERRED_FAMILIES =
      List.of(
          "Noto Sans CJK TC",
          "Noto Sans TC",
          "Source Han Sans TC",
          "Microsoft JhengHei",
          "PingFang TC",
          "Noto Sans CJK SC",
          "Noto Sans CJK JP",
          "WenQuanYi Zen Hei",
          "AR PL UMing TW",
          "DejaVu Sans",
          "Liberation Sans");

  // Package-private where the tests check that nothing is drawn outside its area.
  static final int MARGIN = 40;
  static final int FOOTER_TOP = 578;
  static final int QR_BOX = 260;
  static final int QR_X = WIDTH - MARGIN - QR_BOX;
  static final int QR_Y = 136;
  private static final int HEADER_HEIGHT = 112;
  private static final int PHOTO_Y = 140;
  private static final int PHOTO_WIDTH = 216;
  private static final int PHOTO_HEIGHT = 278; // 35 × 45 mm, as a passport photo
  static final int COLUMN_X = MARGIN + PHOTO_WIDTH + 28;
  static final int COLUMN_WIDTH = QR_X - 24 - COLUMN_X;
  static final int PORTS_Y = 440;
  private static final int CHIP_GAP = 10;

  /** ISO/IEC 18004 asks for four modules of white around the symbol. */
  private static final int QUIET_ZONE_MODULES = 4;

  /** 0.25 mm at 300 dpi: smaller modules no longer scan reliably from a printed card. */
  private static final int MIN_MODULE_PX = 3;

  private static final Color INK = new Color(0x1C2430);
  private static final Color MUTED = new Color(0x5B6673);
  private static final Color LINE = new Color(0xC9CFD6);
  private static final Color PLACEHOLDER = new Color(0xE7EAEE);
  private static final Color SILHOUETTE = new Color(0xB3BBC5);
  private static final Color LONG_TERM = new Color(0x123E6E);
  private static final Color TEMPORARY = new Color(0xB4461A);

  private final List<String> families;

  CardPainter() {
    Set<String> installed =
        new HashSet<>(
            Arrays.asList(
                GraphicsEnvironment.getLocalGraphicsEnvironment()
                    .getAvailableFontFamilyNames(Locale.ROOT)));
    families = PREFERRED_FAMILIES.stream().filter(installed::contains).toList();
  }

  BufferedImage paint(CardFace face) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      boolean vehicle = "VEHICLE".equals(face.holderKind());
      Color accent = "TEMPORARY".equals(face.passType()) ? TEMPORARY : LONG_TERM;
      header(g, orEmpty(face.passType()), vehicle, accent);
      photo(g, face.photo(), vehicle);
      holder(g, face, vehicle);
      ports(g, face.accessPorts(), accent);
      footer(g, face, accent);
      qrCode(image, g, face.qrPayload()); // last: it is checked on the finished card
    } finally {
      g.dispose();
    }
    return image;
  }

  /** The first preferred family that can show all of {@code text}, else the logical SansSerif. */
  Font font(String text, int style, float size) {
    for (String family : families) {
      Font font = new Font(family, style, 1);
      if (font.canDisplayUpTo(text) == -1) {
        return font.deriveFont(size);
      }
    }
    return new Font(Font.SANS_SERIF, style, 1).deriveFont(size);
  }

  private void header(Graphics2D g, String passType, boolean vehicle, Color accent) {
    g.setColor(accent);
    g.fillRect(0, 0, WIDTH, HEADER_HEIGHT);
    g.setColor(Color.WHITE);
    Text brand = fit(g, "PortPass", Font.BOLD, 46, 46, 300);
    brand.draw(g, MARGIN, 64);
    fit(g, "港區通行證", Font.BOLD, 40, 40, 300).draw(g, MARGIN + brand.width() + 18, 64);
    g.setColor(new Color(255, 255, 255, 190));
    fit(g, "PORT AREA ACCESS PASS", Font.PLAIN, 18, 18, 400).draw(g, MARGIN + 2, 94);

    String zh =
        switch (passType) {
          case "LONG_TERM" -> "長期";
          case "TEMPORARY" -> "臨時";
          default -> passType;
        };
    String en =
        switch (passType) {
          case "LONG_TERM" -> "LONG-TERM";
          case "TEMPORARY" -> "TEMPORARY";
          default -> passType;
        };
    Text top = fit(g, vehicle ? zh + " 車輛" : zh, Font.BOLD, 34, 20, 260);
    Text bottom = fit(g, vehicle ? en + " VEHICLE" : en, Font.BOLD, 15, 10, 260);
    float badgeWidth = Math.max(top.width(), bottom.width()) + 40;
    float badgeX = WIDTH - MARGIN - badgeWidth;
    g.setColor(Color.WHITE);
    g.fill(new RoundRectangle2D.Float(badgeX, 16, badgeWidth, 80, 16, 16));
    g.setColor(accent);
    top.draw(g, badgeX + (badgeWidth - top.width()) / 2, 58);
    bottom.draw(g, badgeX + (badgeWidth - bottom.width()) / 2, 84);
  }

  private void photo(Graphics2D g, byte[] bytes, boolean vehicle) {
    Shape box = new RoundRectangle2D.Float(MARGIN, PHOTO_Y, PHOTO_WIDTH, PHOTO_HEIGHT, 12, 12);
    BufferedImage photo = read(bytes);
    Shape clip = g.getClip();
    g.clip(box);
    if (photo == null) {
      g.setColor(PLACEHOLDER);
      g.fill(box);
      g.setColor(SILHOUETTE);
      g.fill(vehicle ? car() : person());
    } else {
      // Cover the box, cropping the overflow; more is cut below than above to keep the head.
      double scale =
          Math.max(
              (double) PHOTO_WIDTH / photo.getWidth(), (double) PHOTO_HEIGHT / photo.getHeight());
      int w = (int) Math.ceil(photo.getWidth() * scale);
      int h = (int) Math.ceil(photo.getHeight() * scale);
      g.drawImage(
          halved(photo, w, h),
          MARGIN - (w - PHOTO_WIDTH) / 2,
          PHOTO_Y - (h - PHOTO_HEIGHT) / 3,
          w,
          h,
          null);
    }
    g.setClip(clip);
    g.setColor(LINE);
    g.setStroke(new BasicStroke(2));
    g.draw(box);
  }

  /** The photo, or null when there is none or it cannot be decoded. */
  private static BufferedImage read(byte[] bytes) {
    if (bytes.length == 0) {
      return null;
    }
    try {
      return ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException | RuntimeException e) {
      return null; // a damaged or unsupported photo must not stop the card
    }
  }

  /**
   * Halves the photo until it is less than twice the target size: a camera's photo scaled down to
   * the box in one step would alias.
   */
  private static BufferedImage halved(BufferedImage photo, int width, int height) {
    BufferedImage current = photo;
    while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
      BufferedImage half =
          new BufferedImage(
              current.getWidth() / 2, current.getHeight() / 2, BufferedImage.TYPE_INT_ARGB);
      Graphics2D g = half.createGraphics();
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(current, 0, 0, half.getWidth(), half.getHeight(), null);
      g.dispose();
      current = half;
    }
    return current;
  }

  private static Shape person() {
    float cx = MARGIN + PHOTO_WIDTH / 2f;
    Area shape = new Area(new Ellipse2D.Float(cx - 46, PHOTO_Y + 58, 92, 104));
    shape.add(new Area(new Ellipse2D.Float(cx - 92, PHOTO_Y + 176, 184, 200)));
    return shape;
  }

  private static Shape car() {
    float x = MARGIN + 28;
    float y = PHOTO_Y + 110;
    Area shape = new Area(new RoundRectangle2D.Float(x, y + 34, 160, 46, 18, 18));
    shape.add(
        new Area(
            new Polygon(
                new int[] {(int) x + 30, (int) x + 52, (int) x + 110, (int) x + 136},
                new int[] {(int) y + 36, (int) y, (int) y, (int) y + 36},
                4)));
    shape.subtract(new Area(new Ellipse2D.Float(x + 16, y + 60, 40, 40)));
    shape.subtract(new Area(new Ellipse2D.Float(x + 104, y + 60, 40, 40)));
    shape.add(new Area(new Ellipse2D.Float(x + 22, y + 66, 28, 28)));
    shape.add(new Area(new Ellipse2D.Float(x + 110, y + 66, 28, 28)));
    return shape;
  }

  private void holder(Graphics2D g, CardFace face, boolean vehicle) {
    g.setColor(INK);
    if (vehicle) {
      // The plate, framed like a number plate.
      Text plate = fit(g, orEmpty(face.nameZh()), Font.BOLD, 50, 24, COLUMN_WIDTH - 36);
      g.setStroke(new BasicStroke(4));
      g.draw(new RoundRectangle2D.Float(COLUMN_X + 2, 138, plate.width() + 32, 74, 14, 14));
      plate.draw(g, COLUMN_X + 18, 194);
    } else {
      fit(g, orEmpty(face.nameZh()), Font.BOLD, 58, 28, COLUMN_WIDTH).draw(g, COLUMN_X, 192);
    }
    fit(g, orEmpty(face.nameEn()), Font.PLAIN, 30, 18, COLUMN_WIDTH).draw(g, COLUMN_X, 246);
    g.setColor(MUTED);
    fit(g, orEmpty(face.companyName()), Font.PLAIN, 26, 16, COLUMN_WIDTH).draw(g, COLUMN_X, 290);
    fit(g, "通行證號  PASS NO.", Font.PLAIN, 17, 17, COLUMN_WIDTH).draw(g, COLUMN_X, 342);
    g.setColor(INK);
    fit(g, orEmpty(face.passNumber()), Font.BOLD, 38, 20, COLUMN_WIDTH).draw(g, COLUMN_X, 386);
  }

  /**
   * Draws the QR code and reads it back as a gate would. ZXing picks the mask pattern with the
   * lowest penalty, yet about one symbol in a hundred still holds finder-like runs that its own
   * detector trips on; the other masks are tried until the printed code scans.
   */
  private static void qrCode(BufferedImage image, Graphics2D g, String payload) {
    for (int mask = -1; mask < 8; mask++) { // -1: ZXing's choice
      Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
      hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
      hints.put(EncodeHintType.MARGIN, 0);
      if (mask >= 0) {
        hints.put(EncodeHintType.QR_MASK_PATTERN, mask);
      }
      try {
        draw(g, new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0, hints), payload);
      } catch (WriterException e) {
        throw new IllegalArgumentException(
            "the QR payload cannot be encoded: " + e.getMessage(), e);
      }
      if (payload.equals(scan(image))) {
        return;
      }
    }
    throw new IllegalStateException("no mask pattern gives a QR code that scans");
  }

  private static void draw(Graphics2D g, BitMatrix matrix, String payload) {
    int modules = matrix.getWidth();
    // Whole pixels per module keep the edges sharp for the scanner.
    int module = QR_BOX / (modules + 2 * QUIET_ZONE_MODULES);
    if (module < MIN_MODULE_PX) {
      throw new IllegalArgumentException(
          "the QR payload of " + payload.length() + " characters is too long for the card");
    }
    int offset = (QR_BOX - modules * module) / 2;
    Object antialiasing = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    g.setColor(Color.WHITE);
    g.fillRect(QR_X, QR_Y, QR_BOX, QR_BOX);
    g.setColor(Color.BLACK);
    for (int row = 0; row < modules; row++) {
      for (int col = 0; col < modules; col++) {
        if (matrix.get(col, row)) {
          g.fillRect(QR_X + offset + col * module, QR_Y + offset + row * module, module, module);
        }
      }
    }
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, antialiasing);
  }

  /**
   * The text of the QR code on the whole finished card, read as the desk's scanner and the gates
   * read it, or null when none is found.
   */
  private static String scan(BufferedImage image) {
    int[] pixels = image.getRGB(0, 0, WIDTH, HEIGHT, null, 0, WIDTH);
    LuminanceSource source = new RGBLuminanceSource(WIDTH, HEIGHT, pixels);
    try {
      return new QRCodeReader()
          .decode(
              new BinaryBitmap(new HybridBinarizer(source)),
              Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
          .getText();
    } catch (ReaderException e) {
      return null;
    }
  }

  /**
   * The ports as chips, shrunk until they fit in two rows beside the photo; more ports than fit at
   * the smallest legible size are refused rather than left off the card.
   */
  private void ports(Graphics2D g, List<String> ports, Color accent) {
    int width = WIDTH - MARGIN - COLUMN_X;
    g.setColor(MUTED);
    fit(g, "通行港區  ACCESS PORTS", Font.PLAIN, 17, 17, width).draw(g, COLUMN_X, PORTS_Y + 6);
    for (float size = 26; size >= 12; size--) {
      List<List<Text>> rows = chipRows(g, ports, size, width);
      if (rows.size() <= 2) {
        float height = size * 1.7f;
        float y = PORTS_Y + 20;
        for (List<Text> row : rows) {
          float x = COLUMN_X;
          for (Text chip : row) {
            float chipWidth = chip.width() + size;
            g.setColor(tint(accent));
            g.fill(new RoundRectangle2D.Float(x, y, chipWidth, height, height / 2, height / 2));
            g.setColor(accent);
            chip.draw(g, x + size / 2, y + height / 2 + size * 0.36f);
            x += chipWidth + CHIP_GAP;
          }
          y += height + CHIP_GAP;
        }
        return;
      }
    }
    throw new IllegalArgumentException(ports.size() + " access ports do not fit on the card");
  }

  /** The port chips at {@code size}, wrapped into rows no wider than {@code width}. */
  private List<List<Text>> chipRows(Graphics2D g, List<String> ports, float size, float width) {
    List<List<Text>> rows = new ArrayList<>();
    float rowWidth = Float.MAX_VALUE; // the first chip opens a row
    for (String port : ports) {
      Text chip = fit(g, port, Font.BOLD, size, size, width - 2 * size);
      float chipWidth = chip.width() + size;
      if (rowWidth + CHIP_GAP + chipWidth > width) {
        rows.add(new ArrayList<>());
        rowWidth = -CHIP_GAP;
      }
      rows.get(rows.size() - 1).add(chip);
      rowWidth += CHIP_GAP + chipWidth;
    }
    return rows;
  }

  private void footer(Graphics2D g, CardFace face, Color accent) {
    g.setColor(tint(accent));
    g.fillRect(0, FOOTER_TOP, WIDTH, HEIGHT - FOOTER_TOP);
    g.setColor(accent);
    g.fillRect(0, FOOTER_TOP, WIDTH, 4);
    int baseline = FOOTER_TOP + 42;
    g.setColor(MUTED);
    Text label = fit(g, "有效期間  VALID", Font.PLAIN, 17, 17, 200);
    label.draw(g, MARGIN, baseline - 2);
    g.setColor(INK);
    String validity = orEmpty(face.validFrom()) + " – " + orEmpty(face.validTo());
    Text dates = fit(g, validity, Font.BOLD, 30, 20, 480);
    dates.draw(g, MARGIN + label.width() + 16, baseline);
    g.setColor(MUTED);
    Text serial = fit(g, "S/N " + orEmpty(face.cardSerial()), Font.PLAIN, 15, 10, 300);
    serial.draw(g, WIDTH - MARGIN - serial.width(), baseline - 2);
  }

  private static Color tint(Color accent) {
    return new Color(
        (accent.getRed() + 7 * 255) / 8,
        (accent.getGreen() + 7 * 255) / 8,
        (accent.getBlue() + 7 * 255) / 8);
  }

  private static String orEmpty(Object value) {
    return value == null ? "" : value.toString();
  }

  /**
   * {@code value} in a font no larger than {@code size} and no smaller than {@code minSize} that
   * fits {@code maxWidth}; cut with an ellipsis when even the smallest size overflows.
   */
  private Text fit(
      Graphics2D g, String value, int style, float size, float minSize, float maxWidth) {
    Font font = font(value, style, size);
    while (width(g, font, value) > maxWidth && font.getSize2D() > minSize) {
      font = font.deriveFont(Math.max(minSize, font.getSize2D() - 1));
    }
    if (width(g, font, value) <= maxWidth) {
      return new Text(value, font, width(g, font, value));
    }
    // Cut whole code points (names may hold supplementary characters) until the rest fits.
    String shown = "…";
    for (int end = value.length(); end > 0; ) {
      end = value.offsetByCodePoints(end, -1);
      String candidate = value.substring(0, end).stripTrailing() + "…";
      if (width(g, font, candidate) <= maxWidth) {
        shown = candidate;
        break;
      }
    }
    return new Text(shown, font, width(g, font, shown));
  }

  private static float width(Graphics2D g, Font font, String text) {
    return (float) font.getStringBounds(text, g.getFontRenderContext()).getWidth();
  }

  private record Text(String value, Font font, float width) {
    void draw(Graphics2D g, float x, float baseline) {
      g.setFont(font);
      g.drawString(value, x, baseline);
    }
  }
}
