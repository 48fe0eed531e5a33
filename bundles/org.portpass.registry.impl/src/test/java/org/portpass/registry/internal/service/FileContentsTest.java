package org.portpass.registry.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.portpass.registry.FileFormat;

class FileContentsTest {
  private static byte[] image(String format) throws IOException {
    BufferedImage image = new BufferedImage(8, 6, BufferedImage.TYPE_INT_RGB);
    image.setRGB(2, 3, 0xff0000);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, String b) {
    byte[] tail = b.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(a, a.length + tail.length);
    System.arraycopy(tail, 0, all, a.length, tail.length);
    return all;
  }

  private static byte[] pdf() {
    String comment = "";
    String head = "%PDF-1.4\n" + comment;
    String catalog = "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
    String pages = "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
    String xref =
        "xref\n0 3\n0000000000 65535 f \n"
            + String.format("%010d 00000 n \n", head.length())
            + String.format("%010d 00000 n \n", head.length() + catalog.length());
    String trailer =
        "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n"
            + (head.length() + catalog.length() + pages.length())
            + "\n%%EOF\n";
    return (head + catalog + pages + xref + trailer).getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void wholeFilesPass() throws IOException {
    assertNull(FileContents.problem(FileFormat.PNG, image("png")));
    assertNull(FileContents.problem(FileFormat.JPEG, image("jpeg")));
    assertNull(FileContents.problem(FileFormat.PDF, pdf()));
    // PDFBox wants a page tree: a catalog alone is no document
    byte[] catalogOnly =
        "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    assertNotNull(FileContents.problem(FileFormat.PDF, catalogOnly));
  }

  @Test
  void polyglotsAreRefused() throws IOException {
    byte[] pngHeader = Arrays.copyOf(image("png"), 16);
    assertNotNull(
        FileContents.problem(FileFormat.PNG, concat(pngHeader, "\n#!/bin/sh\nrm -rf /\n")));
    assertNotNull(FileContents.problem(FileFormat.PNG, concat(image("png"), "#!/bin/sh\nid\n")));
    assertNotNull(
        FileContents.problem(FileFormat.JPEG, concat(image("jpeg"), "<?php system($_GET[c]); ?>")));
    assertNotNull(
        FileContents.problem(
            FileFormat.PDF,
            "%PDF-1.4\n<html><script>alert(1)</script></html>"
                .getBytes(StandardCharsets.US_ASCII)));
    // a PDF trailer and end marker around HTML: no objects, no catalog
    assertNotNull(
        FileContents.problem(
            FileFormat.PDF,
            "%PDF-1.4\n<html><body>hi</body></html>\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(StandardCharsets.US_ASCII)));
    byte[] truncated = image("png");
    assertNotNull(
        FileContents.problem(FileFormat.PNG, Arrays.copyOf(truncated, truncated.length - 20)));
  }

  @Test
  void photosAreReencodedFromTheirPixels() throws IOException {
    byte[] png = image("png");
    byte[] again = FileContents.reencoded(FileFormat.PNG, png);
    BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(again));
    assertEquals(8, decoded.getWidth());
    assertEquals(0xff0000, decoded.getRGB(2, 3) & 0xffffff);
    byte[] jpeg = FileContents.reencoded(FileFormat.JPEG, image("jpeg"));
    assertNull(FileContents.problem(FileFormat.JPEG, jpeg));
  }
}
