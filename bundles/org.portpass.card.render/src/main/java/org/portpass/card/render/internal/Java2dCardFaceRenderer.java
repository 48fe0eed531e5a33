package org.portpass.card.render.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.font.FontRenderContext;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.osgi.service.component.annotations.Component;
import org.portpass.card.CardFace;
import org.portpass.card.CardFaceRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders card faces with Java2D, off screen: a 300 dpi PNG for the card printer and an A4 PDF
 * (Apache PDFBox) with the card at its real size and a caption for the paper copy. Thread-safe.
 *
 * <p>Java2D must never look for a display on a server: the Karaf assembly starts the JVM with
 * {@code -Djava.awt.headless=true}; when the property is unset (tests, another container) this
 * component sets it before the first use of AWT.
 */
@Component(service = CardFaceRenderer.class)
public final class Java2dCardFaceRenderer implements CardFaceRenderer {
  private static final float MM = 72 / 25.4f; // PDF points per millimetre
  private static final float CARD_WIDTH = 85.6f * MM;
  private static final float CARD_HEIGHT = 54f * MM;
  private static final float CARD_TOP = 30 * MM;
  private static final int PIXELS_PER_METRE = Math.round(300 / 0.0254f);

  private static final Logger LOG = LoggerFactory.getLogger(Java2dCardFaceRenderer.class);

  private final CardPainter painter;

  public Java2dCardFaceRenderer() {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    painter = new CardPainter();
    String sample = "港區通行證";
    if (painter.font(sample, Font.PLAIN, 12).canDisplayUpTo(sample) != -1) {
      LOG.warn(
          "No installed font has Chinese glyphs: names will print as boxes (install fonts-noto-cjk)");
    }
  }

  @Override
  public byte[] png(CardFace face) {
    return png(painter.paint(face));
  }

  @Override
  public byte[] pdf(CardFace face) {
    BufferedImage card = painter.paint(face);
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      document.getDocumentInformation().setTitle("PortPass card " + face.passNumber());
      PDImageXObject image = LosslessFactory.createFromImage(document, card);
      float pageHeight = page.getMediaBox().getHeight();
      float x = (page.getMediaBox().getWidth() - CARD_WIDTH) / 2;
      // Shapes are laid out top-down like Java2D and flipped into PDF's bottom-up space.
      AffineTransform flip = new AffineTransform(1, 0, 0, -1, 0, pageHeight);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        // Clipped to the card's rounded corners (3.18 mm, ID-1), which are also the cut line.
        Shape outline =
            new RoundRectangle2D.Float(
                x, CARD_TOP, CARD_WIDTH, CARD_HEIGHT, 2 * 3.18f * MM, 2 * 3.18f * MM);
        content.saveGraphicsState();
        path(content, outline, flip);
        content.clip();
        content.drawImage(image, x, pageHeight - CARD_TOP - CARD_HEIGHT, CARD_WIDTH, CARD_HEIGHT);
        content.restoreGraphicsState();
        content.setStrokingColor(Color.GRAY);
        content.setLineWidth(0.3f);
        path(content, outline, flip);
        content.stroke();
        content.setNonStrokingColor(Color.DARK_GRAY);
        caption(content, "PortPass 港區通行證  —  實際尺寸 actual size 85.6 × 54 mm", x, 8, flip);
        caption(
            content,
            "通行證號 Pass no. " + face.passNumber() + "    卡號 Card serial " + face.cardSerial(),
            x,
            13,
            flip);
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the card's PDF", e);
    }
  }

  /**
   * A caption line {@code below} mm under the card, as glyph outlines: PDFBox's standard fonts
   * cannot show Chinese, and using one makes it scan the system's fonts and write a cache file into
   * the user's home directory.
   */
  private void caption(
      PDPageContentStream content, String text, float x, float below, AffineTransform flip)
      throws IOException {
    Font font = painter.font(text, Font.PLAIN, 9);
    FontRenderContext context = new FontRenderContext(null, true, true);
    Shape outline =
        font.createGlyphVector(context, text).getOutline(x, CARD_TOP + CARD_HEIGHT + below * MM);
    path(content, outline, flip);
    content.fill();
  }

  /** Appends a Java2D shape to the content stream's current path. */
  private static void path(PDPageContentStream content, Shape shape, AffineTransform transform)
      throws IOException {
    float[] c = new float[6];
    float x = 0; // the current point, needed to raise quadratic curves to cubic ones
    float y = 0;
    float startX = 0; // where the subpath started, the current point after closing it
    float startY = 0;
    for (PathIterator it = shape.getPathIterator(transform); !it.isDone(); it.next()) {
      int segment = it.currentSegment(c);
      switch (segment) {
        case PathIterator.SEG_MOVETO -> {
          content.moveTo(c[0], c[1]);
          startX = c[0];
          startY = c[1];
        }
        case PathIterator.SEG_LINETO -> content.lineTo(c[0], c[1]);
        case PathIterator.SEG_QUADTO ->
            // PDF has no quadratic curves: the cubic's control points lie 2/3 of the way to q.
            content.curveTo(
                x + 2 * (c[0] - x) / 3,
                y + 2 * (c[1] - y) / 3,
                c[2] + 2 * (c[0] - c[2]) / 3,
                c[3] + 2 * (c[1] - c[3]) / 3,
                c[2],
                c[3]);
        case PathIterator.SEG_CUBICTO -> content.curveTo(c[0], c[1], c[2], c[3], c[4], c[5]);
        default -> content.closePath();
      }
      int end =
          switch (segment) {
            case PathIterator.SEG_QUADTO -> 2;
            case PathIterator.SEG_CUBICTO -> 4;
            default -> 0;
          };
      x = segment == PathIterator.SEG_CLOSE ? startX : c[end];
      y = segment == PathIterator.SEG_CLOSE ? startY : c[end + 1];
    }
  }

  /** A PNG that tells its resolution (pHYs), so viewers and drivers print it at the card's size. */
  private static byte[] png(BufferedImage image) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      ImageWriteParam param = writer.getDefaultWriteParam();
      IIOMetadata metadata =
          writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
      IIOMetadataNode physical = new IIOMetadataNode("pHYs");
      physical.setAttribute("pixelsPerUnitXAxis", Integer.toString(PIXELS_PER_METRE));
      physical.setAttribute("pixelsPerUnitYAxis", Integer.toString(PIXELS_PER_METRE));
      physical.setAttribute("unitSpecifier", "meter");
      IIOMetadataNode root = new IIOMetadataNode(metadata.getNativeMetadataFormatName());
      root.appendChild(physical);
      metadata.mergeTree(metadata.getNativeMetadataFormatName(), root);
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, metadata), param);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the card's PNG", e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
