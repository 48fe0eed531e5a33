package org.portpass.card.gate;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The signed revocation list (註銷清單) at one version: every pass and card that gates must refuse
 * although the pass code's own dates may still be valid. Its text, UTF-8 with {@code \n} line ends:
 *
 * <pre>
 * PPRL1 list
 * version 42
 * issued-at 2026-12-04T10:00:00Z
 * entries 2
 * P KEL-2026-0000001 SUSPENDED 2026-12-01T02:03:04Z 2027-01-31
 * C KEL-2026-0000002-C1 CARD_VOID 2026-12-02T05:06:07Z 2027-03-31
 * signature &lt;Ed25519 signature over every byte before this line, base64url&gt;
 * </pre>
 *
 * Entries ({@link RevocationEntry#line()}) are sorted by kind and subject. The signature is made
 * with the pass-code key, so the public key of {@code GET /pass-codes/key} checks both. {@code
 * issued-at} is when the server signed this text; a gate's list is as old as the newest document it
 * applied.
 */
public record RevocationList(long version, Instant issuedAt, List<RevocationEntry> entries) {
  static final String HEADER = "PPRL1 list";

  /** The order of entries in the text. */
  public static final Comparator<RevocationEntry> ORDER =
      Comparator.comparing(RevocationEntry::kind).thenComparing(RevocationEntry::subject);

  public RevocationList {
    if (version < 0) {
      throw new IllegalArgumentException("version " + version);
    }
    List<RevocationEntry> sorted = new ArrayList<>(entries);
    sorted.sort(ORDER);
    entries = List.copyOf(sorted);
  }

  /** The signed text. */
  public byte[] sign(PrivateKey key) {
    StringBuilder body = new StringBuilder(64 + entries.size() * 64);
    body.append(HEADER).append('\n');
    body.append("version ").append(version).append('\n');
    body.append("issued-at ").append(issuedAt).append('\n');
    body.append("entries ").append(entries.size()).append('\n');
    for (RevocationEntry e : entries) {
      body.append(e.line()).append('\n');
    }
    return SignedText.sign(body.toString(), key);
  }

  /**
   * Reads a downloaded list after checking its signature.
   *
   * @throws InvalidRevocationListException {@code format} or {@code signature}
   */
  public static RevocationList verify(byte[] text, PublicKey key)
      throws InvalidRevocationListException {
    List<String> lines = SignedText.verify(text, key);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new InvalidRevocationListException("format", "not a PortPass revocation list");
    }
    long version = SignedText.number(lines, 1, "version");
    Instant issuedAt = SignedText.instant(lines, 2, "issued-at");
    long count = SignedText.number(lines, 3, "entries");
    if (count != lines.size() - 4) {
      throw new InvalidRevocationListException(
          "format", "the list says " + count + " entries and has " + (lines.size() - 4));
    }
    List<RevocationEntry> entries = new ArrayList<>((int) count);
    for (int i = 4; i < lines.size(); i++) {
      entries.add(SignedText.entry(lines.get(i), i + 1));
    }
    return new RevocationList(version, issuedAt, entries);
  }

  /** {@link #verify(byte[], PublicKey)} of a text. */
  public static RevocationList verify(String text, PublicKey key)
      throws InvalidRevocationListException {
    return verify(text.getBytes(StandardCharsets.UTF_8), key);
  }
}
