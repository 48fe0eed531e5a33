package org.portpass.card;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The pass code printed on a card as a QR code: {@code PP1.<body>.<signature>}, where the body is
 * {@code passNumber|cardSerial|validFrom|validTo|ports} (ports comma-separated) in base64url and
 * the signature is Ed25519 over the body's base64url text. Short enough for a small QR code, and
 * verifiable with the public key alone, so a gate needs no connection to check a card.
 */
public record PassCode(
    String passNumber,
    String cardSerial,
    LocalDate validFrom,
    LocalDate validTo,
    List<String> accessPorts) {
  public static final String ALGORITHM = "Ed25519";
  private static final String PREFIX = "PP1";
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final Pattern URL_SAFE = Pattern.compile("[A-Za-z0-9_-]*");

  public PassCode {
    accessPorts = List.copyOf(accessPorts);
  }

  /** The signed payload to print. */
  public String sign(PrivateKey key) {
    String body =
        ENCODER.encodeToString(
            String.join(
                    "|",
                    passNumber,
                    cardSerial,
                    validFrom.toString(),
                    validTo.toString(),
                    String.join(",", accessPorts))
                .getBytes(StandardCharsets.UTF_8));
    try {
      Signature signer = Signature.getInstance(ALGORITHM);
      signer.initSign(key);
      signer.update(body.getBytes(StandardCharsets.US_ASCII));
      return PREFIX + "." + body + "." + ENCODER.encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with an " + key.getAlgorithm() + " key", e);
    }
  }

  /**
   * Reads a scanned payload and checks its signature.
   *
   * @throws InvalidPassCodeException when the payload is not a pass code or its signature does not
   *     verify with {@code key}
   */
  public static PassCode verify(String payload, PublicKey key) throws InvalidPassCodeException {
    String[] parts = payload == null ? new String[0] : payload.strip().split("\\.", -1);
    if (parts.length != 3 || !parts[0].equals(PREFIX)) {
      throw new InvalidPassCodeException("format", "not a PortPass pass code");
    }
    byte[] body = canonical(parts[1], "format", "data");
    byte[] signature = canonical(parts[2], "signature", "signature");
    try {
      Signature verifier = Signature.getInstance(ALGORITHM);
      verifier.initVerify(key);
      verifier.update(parts[1].getBytes(StandardCharsets.US_ASCII));
      if (!verifier.verify(signature)) {
        throw new InvalidPassCodeException("signature", "the signature does not verify");
      }
    } catch (GeneralSecurityException e) {
      throw new InvalidPassCodeException("signature", "the signature does not verify");
    }
    return parse(body);
  }

  /**
   * Decodes a part only in the one spelling {@link #sign} writes (url-safe alphabet, no padding,
   * unused low bits zero), so a card has exactly one valid code string for whatever keys on it.
   */
  private static byte[] canonical(String part, String reason, String name)
      throws InvalidPassCodeException {
    if (URL_SAFE.matcher(part).matches()) {
      try {
        byte[] bytes = DECODER.decode(part);
        if (ENCODER.encodeToString(bytes).equals(part)) {
          return bytes;
        }
      } catch (IllegalArgumentException e) {
        // falls through: not base64url at all
      }
    }
    throw new InvalidPassCodeException(reason, "the " + name + " part is not canonical base64url");
  }

  private static PassCode parse(byte[] body) throws InvalidPassCodeException {
    try {
      String[] f = new String(body, StandardCharsets.UTF_8).split("\\|", -1);
      if (f.length != 5) {
        throw new InvalidPassCodeException(
            "format", "the pass code has " + f.length + " fields, not 5");
      }
      return new PassCode(
          f[0], f[1], LocalDate.parse(f[2]), LocalDate.parse(f[3]), Arrays.asList(f[4].split(",")));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      throw new InvalidPassCodeException("format", "the pass code's fields cannot be read");
    }
  }
}
