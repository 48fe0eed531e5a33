package org.portpass.registry.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AttachmentFileNameTest {

  private static String fileName(String raw) {
    return AttachmentServiceImpl.fileName(raw);
  }

  private static int utf8Length(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void plainNameIsKept() {
    assertEquals("passport.pdf", fileName("passport.pdf"));
  }

  @Test
  void unixDirectoriesAreStripped() {
    assertEquals("passwd", fileName("../../etc/passwd"));
  }

  @Test
  void windowsDirectoriesAreStripped() {
    assertEquals("scan 1.png", fileName("C:\\Users\\ann\\Documents\\scan 1.png"));
  }

  @Test
  void mixedSeparatorsAreStripped() {
    assertEquals("licence.jpg", fileName("a/b\\c/licence.jpg"));
  }

  @Test
  void controlCharactersAreReplaced() {
    assertEquals("pass_port_.pdf_", fileName("pass\u0000port\n.pdf\u007F"));
  }

  @Test
  void c1ControlCharactersAreReplaced() {
    assertEquals("a_b.pdf", fileName("a\u0085b.pdf"));
  }

  @Test
  void characterUnsafeInHeadersAndFileSystemsAreReplaced() {
    assertEquals("a_b__c_d_e_f_.pdf", fileName("a<b>:c|d*e?f\".pdf"));
  }

  @Test
  void surroundingWhitespaceIsStripped() {
    assertEquals("photo.jpg", fileName("  photo.jpg \t"));
  }

  @Test
  void unicodeNamesAreKept() {
    assertEquals("護照 Pässe ✓.pdf", fileName("護照 Pässe ✓.pdf"));
  }

  @Test
  void decomposedUnicodeIsComposed() {
    assertEquals("P\u00e4sse.pdf", fileName("Pa\u0308sse.pdf"));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", ".", "..", " .. ", "dir/", "a/..", "C:\\temp\\."})
  void meaninglessNamesBecomeAttachment(String raw) {
    assertEquals("attachment", fileName(raw));
  }

  @Test
  void longAsciiNameIsCutTo200Bytes() {
    String name = fileName("a".repeat(300) + ".pdf");
    assertEquals("a".repeat(200), name);
  }

  @Test
  void longMultiByteNameIsCutWithoutExceeding200Bytes() {
    String name = fileName("護".repeat(100));
    assertTrue(utf8Length(name) <= 200, name);
    assertEquals("護".repeat(66), name);
  }

  @Test
  void cutNeverSplitsASurrogatePair() {
    String name = fileName("a" + "\uD83D\uDE00".repeat(100));
    assertTrue(utf8Length(name) <= 200, name);
    assertEquals("a" + "\uD83D\uDE00".repeat(49), name);
    assertEquals(name, new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
  }

  @Test
  void nameOfExactly200BytesIsKept() {
    String raw = "b".repeat(196) + ".pdf";
    assertEquals(raw, fileName(raw));
  }
}
