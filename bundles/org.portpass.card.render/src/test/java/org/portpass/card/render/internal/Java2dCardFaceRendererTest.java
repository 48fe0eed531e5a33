package org.portpass.card.render.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.portpass.card.CardFace;
import org.portpass.card.PassCode;

class Java2dCardFaceRendererTest {
  private static final LocalDate FROM = LocalDate.of(2026, 12, 1);
  private static final LocalDate TO = LocalDate.of(2027, 11, 30);
  private static final List<String> NINE_PORTS =
      List.of("KEL", "TPE", "TXG", "MLI", "AOP", "KHH", "HUN", "SUO", "KNH");
  private static final int PLACEHOLDER = 0xE7EAEE; // the empty photo box

  private final Java2dCardFaceRenderer renderer = new Java2dCardFaceRenderer();

  @Test
  void personWithPhotoCarriesTheExactPayload() throws Exception {
    CardFace face = person("王小明", "WANG, HSIAO-MING", List.of("KEL", "KHH"), portrait("jpg"));

    BufferedImage card = png(face);

    assertEquals(face.qrPayload(), decode(card));
    save("card-sample-person.png", renderer.png(face));
  }

  /** Every signature makes another QR symbol: none of them may fail the desk's scanner. */
  @Test
  void everyFreshlySignedCardScansAsAWhole() throws Exception {
    for (int i = 0; i < 150; i++) {
      CardFace face = person("王小明", "WANG, HSIAO-MING", List.of("KEL", "KHH"), new byte[0]);
      assertEquals(face.qrPayload(), decode(png(face)), "card " + i);
    }
  }

  @Test
  void personWithoutPhotoGetsThePlaceholder() throws Exception {
    CardFace face = person("陳美玲", "CHEN, MEI-LING", List.of("KEL"), new byte[0]);

    BufferedImage card = png(face);

    assertEquals(face.qrPayload(), decode(card));
    assertEquals(PLACEHOLDER, card.getRGB(CardPainter.MARGIN + 10, 160) & 0xFFFFFF);
  }

  @Test
  void unreadablePhotoGetsThePlaceholderInsteadOfFailing() throws Exception {
    CardFace face = person("陳美玲", "CHEN, MEI-LING", List.of("KEL"), new byte[] {1, 2, 3, 4});

    BufferedImage card = png(face);

    assertEquals(face.qrPayload(), decode(card));
    assertEquals(PLACEHOLDER, card.getRGB(CardPainter.MARGIN + 10, 160) & 0xFFFFFF);
  }

  @Test
  void landscapePngPhotoIsCroppedIntoTheBox() throws Exception {
    CardFace face = person("林志明", "LIN, CHIH-MING", List.of("KHH"), landscape());

    BufferedImage card = png(face);

    assertEquals(face.qrPayload(), decode(card));
    assertNotEquals(PLACEHOLDER, card.getRGB(CardPainter.MARGIN + 10, 160) & 0xFFFFFF);
    assertNothingBeside(card);
  }

  @Test
  void vehicleShowsThePlateAndCarriesThePayload() throws Exception {
    CardFace face =
        face(
            "LONG_TERM",
            "VEHICLE",
            "KLB-3721",
            "Truck tractor, Volvo FH 460",
            "長榮物流股份有限公司",
            List.of("KEL", "TPE", "TXG"),
            new byte[0]);

    BufferedImage card = png(face);

    assertEquals(face.qrPayload(), decode(card));
    save("card-sample-vehicle.png", renderer.png(face));
  }

  @Test
  void longNamesAreShrunkOrCutAndNeverOverflow() throws Exception {
    CardFace face =
        face(
            "TEMPORARY",
            "PERSON",
            "歐陽司馬上官諸葛端木皇甫慕容令狐長孫宇文",
            "OUYANG SIMA SHANGGUAN ZHUGE DUANMU HUANGFU, MURONG-LINGHU ZHANGSUN YUWEN",
            "Evergreen International Maritime Logistics and Container Terminal Services Co., Ltd.",
            NINE_PORTS,
            portrait("png"));

    BufferedImage card = png(face);

    assertEquals(face.qrPayload(), decode(card));
    assertNothingBeside(card);
    save("card-sample-long-names.png", renderer.png(face));
  }

  @Test
  void nineAccessPortsStayAboveTheFooterAndInsideTheMargin() throws Exception {
    CardFace face = person("王小明", "WANG, HSIAO-MING", NINE_PORTS, portrait("jpg"));

    BufferedImage card = png(face);

    assertEquals(face.qrPayload(), decode(card));
    assertNothingBeside(card);
  }

  @Test
  void morePortsThanFitAreRefusedRatherThanLeftOff() throws Exception {
    List<String> ports = IntStream.range(0, 40).mapToObj(i -> "P" + i).toList();
    CardFace face = person("王小明", "WANG, HSIAO-MING", ports, new byte[0]);

    assertThrows(IllegalArgumentException.class, () -> renderer.png(face));
  }

  @Test
  void qrCodeStillScansAtHalfTheResolution() throws Exception {
    CardFace face = person("王小明", "WANG, HSIAO-MING", NINE_PORTS, portrait("jpg"));
    BufferedImage card = png(face);
    BufferedImage half =
        new BufferedImage(card.getWidth() / 2, card.getHeight() / 2, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = half.createGraphics();
    g.drawImage(card.getScaledInstance(half.getWidth(), -1, Image.SCALE_SMOOTH), 0, 0, null);
    g.dispose();

    assertEquals(face.qrPayload(), decode(half));
  }

  @Test
  void passTypesHaveTheirOwnHeaderColour() throws Exception {
    BufferedImage longTerm = png(person("王小明", "WANG", List.of("KEL"), new byte[0]));
    BufferedImage temporary =
        png(face("TEMPORARY", "PERSON", "王小明", "WANG", "", List.of("KEL"), new byte[0]));

    assertNotEquals(longTerm.getRGB(4, 4), temporary.getRGB(4, 4));
  }

  @Test
  void pdfIsOneA4PageWithTheCardImage() throws Exception {
    CardFace face = person("王小明", "WANG, HSIAO-MING", List.of("KEL", "KHH"), portrait("jpg"));

    byte[] pdf = renderer.pdf(face);

    try (PDDocument document = PDDocument.load(pdf)) {
      assertEquals(1, document.getNumberOfPages());
      PDPage page = document.getPage(0);
      assertEquals(PDRectangle.A4.getWidth(), page.getMediaBox().getWidth(), 0.01);
      assertEquals(PDRectangle.A4.getHeight(), page.getMediaBox().getHeight(), 0.01);
      PDResources resources = page.getResources();
      List<COSName> names = new ArrayList<>();
      resources.getXObjectNames().forEach(names::add);
      assertEquals(1, names.size());
      PDImageXObject image = (PDImageXObject) resources.getXObject(names.get(0));
      assertEquals(CardPainter.WIDTH, image.getWidth());
      assertEquals(CardPainter.HEIGHT, image.getHeight());
      assertEquals(face.qrPayload(), decode(image.getImage()));
    }
    save("card-sample-person.pdf", pdf);
  }

  @Test
  void fontsFallBackWithoutFailing() {
    CardPainter painter = new CardPainter();

    Font latin = painter.font("PortPass", Font.BOLD, 20);
    Font unknown = painter.font("\u0378", Font.PLAIN, 20); // unassigned: no font has it

    assertEquals(-1, latin.canDisplayUpTo("PortPass"));
    assertEquals(20, latin.getSize2D());
    assertEquals(Font.SANS_SERIF, unknown.getFamily(Locale.ROOT));
  }

  /**
   * The holder's Chinese name is drawn with real glyphs: an installed font can display it (this
   * fails without fonts-noto-cjk), and two different characters draw differently (a missing glyph
   * is the same box for both).
   */
  @Test
  void chineseNamesHaveRealGlyphs() {
    CardPainter painter = new CardPainter();
    for (String name : List.of("王小明", "貝塔海事工程", "陳大文")) {
      Font font = painter.font(name, Font.BOLD, 58);
      assertEquals(
          -1,
          font.canDisplayUpTo(name),
          "no installed font shows " + name + " (install fonts-noto-cjk); got " + font.getName());
    }
    Font font = painter.font("王明", Font.BOLD, 58);
    assertFalse(
        java.util.Arrays.equals(glyph(font, "王"), glyph(font, "明")),
        "王 and 明 draw the same shape: the font shows boxes, not glyphs");
  }

  /**
   * Each text of the face puts ink where the face shows it: the same card with and without the text
   * differs in that text's region, and only there among the texts checked.
   */
  @Test
  void everyTextOfTheFaceIsDrawnInItsRegion() throws Exception {
    List<String> ports = List.of("KEL", "KHH");
    BufferedImage full = png(person("王小明", "WANG, HSIAO-MING", ports, new byte[0]));
    BufferedImage noZh = png(person("", "WANG, HSIAO-MING", ports, new byte[0]));
    BufferedImage noEn = png(person("王小明", "", ports, new byte[0]));
    BufferedImage noCompany =
        png(face("LONG_TERM", "PERSON", "王小明", "WANG, HSIAO-MING", "", ports, new byte[0]));
    int x0 = CardPainter.COLUMN_X;
    int x1 = CardPainter.COLUMN_X + CardPainter.COLUMN_WIDTH;
    // baselines 192 (Chinese name, up to 58 px), 246 (English name), 290 (company)
    assertInk(full, noZh, x0, x1, 192 - 58, 192 + 12, "the Chinese name");
    assertInk(full, noEn, x0, x1, 246 - 30, 246 + 8, "the English name");
    assertInk(full, noCompany, x0, x1, 290 - 26, 290 + 8, "the company");
    assertEquals(0, differing(full, noEn, x0, x1, 192 - 58, 192 + 12), "name moved");
  }

  /** How many pixels differ between two renderings within the rectangle. */
  private static int differing(BufferedImage a, BufferedImage b, int x0, int x1, int y0, int y1) {
    int count = 0;
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        if (a.getRGB(x, y) != b.getRGB(x, y)) {
          count++;
        }
      }
    }
    return count;
  }

  private static void assertInk(
      BufferedImage with, BufferedImage without, int x0, int x1, int y0, int y1, String what) {
    int ink = differing(with, without, x0, x1, y0, y1);
    assertTrue(ink > 200, what + " left " + ink + " pixels of ink in its region");
  }

  /** One character drawn alone, as pixels. */
  private static int[] glyph(Font font, String character) {
    BufferedImage image = new BufferedImage(80, 80, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 80, 80);
    g.setColor(Color.BLACK);
    g.setFont(font);
    g.drawString(character, 5, 65);
    g.dispose();
    return image.getRGB(0, 0, 80, 80, null, 0, 80);
  }

  /** Keeps a sample under target/ to look at. */
  private static void save(String name, byte[] content) throws IOException {
    Files.createDirectories(Path.of("target"));
    Files.write(Path.of("target", name), content);
  }

  private BufferedImage png(CardFace face) throws IOException {
    BufferedImage card = ImageIO.read(new ByteArrayInputStream(renderer.png(face)));
    assertEquals(CardPainter.WIDTH, card.getWidth());
    assertEquals(CardPainter.HEIGHT, card.getHeight());
    return card;
  }

  private static String decode(BufferedImage image) throws Exception {
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    try {
      return new QRCodeReader()
          .decode(
              bitmap,
              Map.of(
                  DecodeHintType.TRY_HARDER,
                  Boolean.TRUE,
                  DecodeHintType.POSSIBLE_FORMATS,
                  List.of(BarcodeFormat.QR_CODE)))
          .getText();
    } catch (NotFoundException e) {
      throw new AssertionError("no QR code found on the card", e);
    }
  }

  /**
   * Text, photo and chips stay out of the gutter before the QR code, the right margin and the strip
   * above the footer: long values are shrunk or cut instead.
   */
  private static void assertNothingBeside(BufferedImage card) {
    assertWhite(
        card, CardPainter.COLUMN_X + CardPainter.COLUMN_WIDTH + 1, CardPainter.QR_X, 120, 430);
    assertWhite(card, CardPainter.WIDTH - CardPainter.MARGIN + 1, CardPainter.WIDTH, 120, 576);
    assertWhite(card, 0, CardPainter.WIDTH, CardPainter.FOOTER_TOP - 12, CardPainter.FOOTER_TOP);
  }

  private static void assertWhite(BufferedImage card, int x0, int x1, int y0, int y1) {
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        assertEquals(0xFFFFFF, card.getRGB(x, y) & 0xFFFFFF, "pixel at " + x + "," + y);
      }
    }
  }

  private static CardFace person(String zh, String en, List<String> ports, byte[] photo)
      throws Exception {
    return face("LONG_TERM", "PERSON", zh, en, "長榮海運股份有限公司", ports, photo);
  }

  private static CardFace face(
      String passType,
      String holderKind,
      String zh,
      String en,
      String company,
      List<String> ports,
      byte[] photo)
      throws Exception {
    String passNumber = "KEL-2026-000123";
    String serial = "C0004711";
    String payload =
        new PassCode(passNumber, serial, FROM, TO, ports)
            .sign(KeyPairGenerator.getInstance(PassCode.ALGORITHM).generateKeyPair().getPrivate());
    return new CardFace(
        passNumber,
        serial,
        passType,
        holderKind,
        zh,
        en,
        company,
        ports,
        "KEL",
        FROM,
        TO,
        photo,
        payload);
  }

  /** A stand-in portrait, 600 × 800, with a face-like shape on a blue background. */
  private static byte[] portrait(String format) throws IOException {
    BufferedImage image = new BufferedImage(600, 800, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(0x9EC3E6), 0, 800, new Color(0x4F7FAF)));
    g.fillRect(0, 0, 600, 800);
    g.setColor(new Color(0x2B2B36));
    g.fillOval(90, 560, 420, 480);
    g.setColor(new Color(0xE8B996));
    g.fillOval(190, 180, 220, 290);
    g.setColor(new Color(0x3A2A20));
    g.fillArc(180, 150, 240, 170, 0, 180);
    g.dispose();
    return encode(image, format);
  }

  /** A wide PNG photo, so the crop has to cut its sides. */
  private static byte[] landscape() throws IOException {
    BufferedImage image = new BufferedImage(1200, 500, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setPaint(new GradientPaint(0, 0, new Color(0x8BC34A), 1200, 0, new Color(0x33691E)));
    g.fillRect(0, 0, 1200, 500);
    g.dispose();
    return encode(image, "png");
  }

  private static byte[] encode(BufferedImage image, String format) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }
}
