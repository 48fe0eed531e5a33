package org.portpass.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class FileFormatTest {

  private static byte[] bytes(int... values) {
    byte[] result = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      result[i] = (byte) values[i];
    }
    return result;
  }

  @Test
  void detectsJpeg() {
    // JFIF and Exif headers both start with FF D8 FF
    assertEquals(Optional.of(FileFormat.JPEG), FileFormat.detect(bytes(0xFF, 0xD8, 0xFF, 0xE0)));
    assertEquals(Optional.of(FileFormat.JPEG), FileFormat.detect(bytes(0xFF, 0xD8, 0xFF, 0xE1)));
    assertEquals(Optional.of(FileFormat.JPEG), FileFormat.detect(bytes(0xFF, 0xD8, 0xFF)));
  }

  @Test
  void detectsPng() {
    assertEquals(
        Optional.of(FileFormat.PNG),
        FileFormat.detect(bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00)));
  }

  @Test
  void detectsPdf() {
    assertEquals(
        Optional.of(FileFormat.PDF),
        FileFormat.detect("%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals(
        Optional.of(FileFormat.PDF),
        FileFormat.detect("%PDF-".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void rejectsUnknownOrTruncatedContent() {
    assertEquals(Optional.empty(), FileFormat.detect(null));
    assertEquals(Optional.empty(), FileFormat.detect(new byte[0]));
    assertEquals(Optional.empty(), FileFormat.detect(bytes(0xFF, 0xD8)));
    assertEquals(Optional.empty(), FileFormat.detect(bytes(0xFF, 0xD8, 0xFE)));
    // PNG signature with one byte wrong, or cut short
    assertEquals(
        Optional.empty(), FileFormat.detect(bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0B)));
    assertEquals(
        Optional.empty(), FileFormat.detect(bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A)));
    assertEquals(Optional.empty(), FileFormat.detect("%PDF".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        Optional.empty(), FileFormat.detect("%pdf-1.4".getBytes(StandardCharsets.US_ASCII)));
    // not at the start
    assertEquals(
        Optional.empty(), FileFormat.detect(" %PDF-1.4".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(Optional.empty(), FileFormat.detect("GIF89a".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(Optional.empty(), FileFormat.detect("<html>".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void hasMediaTypes() {
    assertEquals("image/jpeg", FileFormat.JPEG.mediaType());
    assertEquals("image/png", FileFormat.PNG.mediaType());
    assertEquals("application/pdf", FileFormat.PDF.mediaType());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "image/jpeg                    | JPEG",
        "IMAGE/JPEG                    | JPEG",
        "image/png                     | PNG",
        "Image/Png; charset=binary     | PNG",
        "application/pdf               | PDF",
        "application/pdf;version=1.7   | PDF",
        "' application/PDF ; x=y '     | PDF",
      })
  void findsFormatForMediaType(String mediaType, FileFormat expected) {
    assertEquals(Optional.of(expected), FileFormat.forMediaType(mediaType));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "image/gif",
        "image",
        "text/plain",
        "image/jpeg2",
        "application/pdfx",
        ";image/png"
      })
  void unknownMediaTypeIsEmpty(String mediaType) {
    assertEquals(Optional.empty(), FileFormat.forMediaType(mediaType));
  }
}
