package org.portpass.card.gate;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What changed on the revocation list after version {@code since} up to {@code version}: entries
 * added (or changed: an added entry replaces the one of the same key) and keys removed (a
 * reinstated pass, an entry past its keep-until date). Signed like the list itself:
 *
 * <pre>
 * PPRL1 changes
 * since 40
 * version 42
 * issued-at 2026-12-04T10:00:00Z
 * added 1
 * removed 1
 * + P KEL-2026-0000003 REVOKED 2026-12-04T09:58:00Z 2027-05-31
 * - P KEL-2026-0000001
 * signature &lt;base64url&gt;
 * </pre>
 *
 * A gate whose list is at {@code since} applies the removals, then the additions, and is at {@code
 * version}. A change set with nothing in it still tells the gate its list is current at {@code
 * issued-at}.
 */
public record RevocationChanges(
    long since,
    long version,
    Instant issuedAt,
    List<RevocationEntry> added,
    List<RevocationEntry.Key> removed) {
  static final String HEADER = "PPRL1 changes";

  public RevocationChanges {
    if (since < 0 || version < since) {
      throw new IllegalArgumentException("changes from " + since + " to " + version);
    }
    List<RevocationEntry> sorted = new ArrayList<>(added);
    sorted.sort(RevocationList.ORDER);
    added = List.copyOf(sorted);
    removed = List.copyOf(removed);
  }

  public byte[] sign(PrivateKey key) {
    StringBuilder body = new StringBuilder(128 + (added.size() + removed.size()) * 64);
    body.append(HEADER).append('\n');
    body.append("since ").append(since).append('\n');
    body.append("version ").append(version).append('\n');
    body.append("issued-at ").append(issuedAt).append('\n');
    body.append("added ").append(added.size()).append('\n');
    body.append("removed ").append(removed.size()).append('\n');
    for (RevocationEntry e : added) {
      body.append("+ ").append(e.line()).append('\n');
    }
    for (RevocationEntry.Key k : removed) {
      body.append("- ").append(k).append('\n');
    }
    return SignedText.sign(body.toString(), key);
  }

  /**
   * Reads a downloaded change set after checking its signature.
   *
   * @throws InvalidRevocationListException {@code format} or {@code signature}
   */
  public static RevocationChanges verify(byte[] text, PublicKey key)
      throws InvalidRevocationListException {
    List<String> lines = SignedText.verify(text, key);
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      throw new InvalidRevocationListException("format", "not a PortPass revocation change set");
    }
    long since = SignedText.number(lines, 1, "since");
    long version = SignedText.number(lines, 2, "version");
    Instant issuedAt = SignedText.instant(lines, 3, "issued-at");
    long added = SignedText.number(lines, 4, "added");
    long removed = SignedText.number(lines, 5, "removed");
    if (added + removed != lines.size() - 6 || version < since) {
      throw new InvalidRevocationListException("format", "the change set's counts do not match");
    }
    List<RevocationEntry> adds = new ArrayList<>();
    List<RevocationEntry.Key> removes = new ArrayList<>();
    for (int i = 6; i < lines.size(); i++) {
      String line = lines.get(i);
      boolean add = i < 6 + added;
      if (!line.startsWith(add ? "+ " : "- ")) {
        throw new InvalidRevocationListException("format", "line " + (i + 1) + " is misplaced");
      }
      if (add) {
        adds.add(SignedText.entry(line.substring(2), i + 1));
      } else {
        removes.add(SignedText.key(line.substring(2), i + 1));
      }
    }
    return new RevocationChanges(since, version, issuedAt, adds, removes);
  }

  public static RevocationChanges verify(String text, PublicKey key)
      throws InvalidRevocationListException {
    return verify(text.getBytes(StandardCharsets.UTF_8), key);
  }
}
