package org.portpass.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PassCodeTest {
  private static final KeyPair KEYS = keys();
  private static final PassCode CODE =
      new PassCode(
          "KEL-2026-0000042",
          "KEL-2026-0000042-C1",
          LocalDate.of(2026, 12, 1),
          LocalDate.of(2027, 11, 30),
          List.of("KEL", "TPE"));

  @Test
  void aSignedCodeVerifiesToTheSameFields() throws Exception {
    String payload = CODE.sign(KEYS.getPrivate());
    assertTrue(payload.startsWith("PP1."), payload);
    assertTrue(payload.length() < 250, "small enough for a small QR code: " + payload.length());
    assertEquals(CODE, PassCode.verify(payload, KEYS.getPublic()));
    assertEquals(CODE, PassCode.verify(" " + payload + "\n", KEYS.getPublic())); // scanner noise
  }

  @Test
  void aChangedBodyFailsTheSignature() {
    String payload = CODE.sign(KEYS.getPrivate());
    String[] parts = payload.split("\\.");
    String forged =
        new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
            .replace("2027-11-30", "2099-11-30");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(forged.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertEquals("signature", reason(tampered));
  }

  @Test
  void anotherKeysSignatureFails() {
    assertEquals("signature", reason(CODE.sign(keys().getPrivate())));
  }

  @Test
  void aChangedSignatureFails() {
    String payload = CODE.sign(KEYS.getPrivate());
    char last = payload.charAt(payload.length() - 5);
    String tampered =
        payload.substring(0, payload.length() - 5)
            + (last == 'A' ? 'B' : 'A')
            + payload.substring(payload.length() - 4);
    assertEquals("signature", reason(tampered));
  }

  @Test
  void aReSpelledSignatureIsRefusedThoughItDecodesToTheSameBytes() throws Exception {
    String payload = CODE.sign(KEYS.getPrivate());
    String signature = payload.substring(payload.lastIndexOf('.') + 1);
    byte[] bytes = Base64.getUrlDecoder().decode(signature);
    // 64 bytes take 86 characters: the last one carries 4 unused low bits, which sign() leaves 0
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    int last = alphabet.indexOf(signature.charAt(signature.length() - 1));
    assertEquals(0, last & 0b1111, signature);
    String head = payload.substring(0, payload.length() - 1);
    for (int unused = 1; unused < 16; unused++) {
      String respelled = head + alphabet.charAt(last | unused);
      String respelledSignature = respelled.substring(respelled.lastIndexOf('.') + 1);
      assertArrayEquals(bytes, Base64.getUrlDecoder().decode(respelledSignature), respelled);
      assertEquals("signature", reason(respelled), respelled);
    }
    assertEquals(CODE, PassCode.verify(payload, KEYS.getPublic()));
  }

  @Test
  void paddingAndTheStandardAlphabetAreRefusedInBothParts() {
    String payload = CODE.sign(KEYS.getPrivate());
    String[] parts = payload.split("\\.");
    assertEquals("signature", reason(payload + "=="));
    assertEquals("signature", reason(parts[0] + "." + parts[1] + "." + parts[2] + "\u00e9"));
    assertEquals("format", reason(parts[0] + "." + parts[1] + "=." + parts[2]));
    assertEquals("format", reason(parts[0] + ".a+b/." + parts[2]));
  }

  @Test
  void aReSpelledDataPartIsRefusedAsAFormatError() {
    // "abd" decodes to the same two bytes as the canonical "abc": its last 2 bits are unused
    assertArrayEquals(Base64.getUrlDecoder().decode("abc"), Base64.getUrlDecoder().decode("abd"));
    assertEquals("format", reason("PP1.abd.AAAA"));
  }

  @Test
  void whatIsNotAPassCodeIsAFormatError() {
    assertEquals("format", reason(null));
    assertEquals("format", reason(""));
    assertEquals("format", reason("https://example.com/"));
    assertEquals("format", reason("PP2.abc.def"));
    assertEquals("format", reason("PP1.abc"));
    assertEquals("signature", reason("PP1.abc.%%%"));
  }

  private static String reason(String payload) {
    return assertThrows(
            InvalidPassCodeException.class, () -> PassCode.verify(payload, KEYS.getPublic()))
        .reason();
  }

  private static KeyPair keys() {
    try {
      return KeyPairGenerator.getInstance(PassCode.ALGORITHM).generateKeyPair();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
