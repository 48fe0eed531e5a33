package org.portpass.card.gate;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.portpass.card.PassCode;

/**
 * The envelope of the list and of its change sets: lines ended by {@code \n}, the last one {@code
 * signature <base64url>}, an Ed25519 signature over every byte before that line.
 */
final class SignedText {
  static final String SIGNATURE = "signature ";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  private SignedText() {}

  /** Appends the signature line to {@code body} (which ends with a line end). */
  static byte[] sign(String body, PrivateKey key) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try {
      Signature signer = Signature.getInstance(PassCode.ALGORITHM);
      signer.initSign(key);
      signer.update(bytes);
      byte[] line =
          (SIGNATURE + ENCODER.encodeToString(signer.sign()) + "\n")
              .getBytes(StandardCharsets.US_ASCII);
      byte[] signed = new byte[bytes.length + line.length];
      System.arraycopy(bytes, 0, signed, 0, bytes.length);
      System.arraycopy(line, 0, signed, bytes.length, line.length);
      return signed;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with an " + key.getAlgorithm() + " key", e);
    }
  }

  /** The signed lines (without the signature line), after checking the signature. */
  static List<String> verify(byte[] text, PublicKey key) throws InvalidRevocationListException {
    int end = text.length;
    if (end > 0 && text[end - 1] == '\n') {
      end--;
    }
    int start = end;
    while (start > 0 && text[start - 1] != '\n') {
      start--;
    }
    String last = new String(text, start, end - start, StandardCharsets.US_ASCII);
    if (!last.startsWith(SIGNATURE)) {
      throw new InvalidRevocationListException("format", "the text does not end with a signature");
    }
    byte[] signature;
    try {
      signature = Base64.getUrlDecoder().decode(last.substring(SIGNATURE.length()).strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidRevocationListException("signature", "the signature is not base64url");
    }
    try {
      Signature verifier = Signature.getInstance(PassCode.ALGORITHM);
      verifier.initVerify(key);
      verifier.update(text, 0, start);
      if (!verifier.verify(signature)) {
        throw new InvalidRevocationListException("signature", "the signature does not verify");
      }
    } catch (GeneralSecurityException e) {
      throw new InvalidRevocationListException("signature", "the signature does not verify");
    }
    return lines(new String(text, 0, start, StandardCharsets.UTF_8));
  }

  private static List<String> lines(String body) {
    List<String> lines = new ArrayList<>();
    int from = 0;
    while (from < body.length()) {
      int next = body.indexOf('\n', from);
      if (next < 0) {
        next = body.length();
      }
      lines.add(body.substring(from, next));
      from = next + 1;
    }
    return lines;
  }

  /** The value of a header line {@code name value}. */
  static String header(List<String> lines, int index, String name)
      throws InvalidRevocationListException {
    if (index >= lines.size() || !lines.get(index).startsWith(name + " ")) {
      throw new InvalidRevocationListException("format", "line " + (index + 1) + " is not " + name);
    }
    return lines.get(index).substring(name.length() + 1);
  }

  static long number(List<String> lines, int index, String name)
      throws InvalidRevocationListException {
    try {
      long n = Long.parseLong(header(lines, index, name));
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new InvalidRevocationListException("format", name + " is not a number");
    }
  }

  static Instant instant(List<String> lines, int index, String name)
      throws InvalidRevocationListException {
    try {
      return Instant.parse(header(lines, index, name));
    } catch (DateTimeParseException e) {
      throw new InvalidRevocationListException("format", name + " is not an instant");
    }
  }

  /** An entry line: {@code <P|C> <subject> <reason> <since> <keep-until>}. */
  static RevocationEntry entry(String line, int number) throws InvalidRevocationListException {
    String[] f = line.split(" ", -1);
    try {
      if (f.length != 5) {
        throw new IllegalArgumentException("fields");
      }
      return new RevocationEntry(
          RevocationEntry.Kind.ofLetter(f[0]),
          f[1],
          f[2],
          Instant.parse(f[3]),
          java.time.LocalDate.parse(f[4]));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new InvalidRevocationListException("format", "line " + number + " is not an entry");
    }
  }

  static RevocationEntry.Key key(String line, int number) throws InvalidRevocationListException {
    String[] f = line.split(" ", -1);
    try {
      if (f.length != 2) {
        throw new IllegalArgumentException("fields");
      }
      return new RevocationEntry.Key(RevocationEntry.Kind.ofLetter(f[0]), f[1]);
    } catch (IllegalArgumentException e) {
      throw new InvalidRevocationListException("format", "line " + number + " is not a key");
    }
  }
}
