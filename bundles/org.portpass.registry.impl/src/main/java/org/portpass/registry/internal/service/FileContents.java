package org.portpass.registry.internal.service;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.io.MemoryUsageSetting;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.portpass.registry.FileFormat;

/**
 * A file is what its first bytes claim in full, not only in its header: an image must decode
 * completely and end where its format ends (nothing appended, as in a PNG header followed by a
 * shell script), a PDF must end with its end-of-file marker. A photo is re-encoded from its pixels,
 * which also drops EXIF data such as GPS positions.
 */
final class FileContents {
  /** Larger images are refused before decoding: a tiny file can claim gigapixels. */
  static final long MAX_PIXELS = 40_000_000L;

  private static final byte[] PNG_END = {
    0x49, 0x45, 0x4E, 0x44, (byte) 0xAE, 0x42, 0x60, (byte) 0x82
  };
  private static final byte[] JPEG_END = {(byte) 0xFF, (byte) 0xD9};

  private FileContents() {}

  /** Why the file is not a whole file of its format, or null when it is. */
  static String problem(FileFormat format, byte[] bytes) {
    return switch (format) {
      case PNG ->
          endsWith(bytes, PNG_END) && decodes(bytes, "png") ? null : "not a complete PNG image";
      case JPEG ->
          endsWith(bytes, JPEG_END) && decodes(bytes, "jpeg") ? null : "not a complete JPEG image";
      case PDF -> pdfEnds(bytes) && parses(bytes) ? null : "not a complete PDF file";
    };
  }

  /** The photo re-encoded from its pixels alone, in its own format. */
  static byte[] reencoded(FileFormat format, byte[] bytes) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (image == null || !ImageIO.write(image, format == FileFormat.PNG ? "png" : "jpeg", out)) {
        throw new IllegalStateException("cannot re-encode a checked " + format + " image");
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean decodes(byte[] bytes, String formatName) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
      if (in == null || !readers.hasNext()) {
        return false;
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        if ((long) reader.getWidth(0) * reader.getHeight(0) > MAX_PIXELS) {
          return false;
        }
        return reader.read(0) != null;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return false; // ImageIO reports broken data with runtime exceptions as well
    }
  }

  /** PDFBox reads the whole document structure (objects, trailer, catalog) in memory. */
  private static boolean parses(byte[] bytes) {
    try (PDDocument document =
        PDDocument.load(bytes, "", null, null, MemoryUsageSetting.setupMainMemoryOnly())) {
      return document.getDocumentCatalog() != null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static boolean pdfEnds(byte[] bytes) {
    int end = bytes.length;
    while (end > 0 && Character.isWhitespace(bytes[end - 1])) {
      end--;
    }
    byte[] marker = "%%EOF".getBytes(StandardCharsets.US_ASCII);
    return end >= marker.length
        && Arrays.equals(bytes, end - marker.length, end, marker, 0, marker.length);
  }

  private static boolean endsWith(byte[] bytes, byte[] end) {
    return bytes.length >= end.length
        && Arrays.equals(bytes, bytes.length - end.length, bytes.length, end, 0, end.length);
  }
}
