package org.portpass.card.gate;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.portpass.card.InvalidPassCodeException;
import org.portpass.card.PassCode;
import org.portpass.core.PortCode;
import org.portpass.core.PortTime;

/**
 * A gate that verifies pass codes without the server: the code's signature with the server's public
 * key, its dates (days at the ports, Taipei), the gate's port, and the revocation list it holds. It
 * knows how old its list is: the time since the newest list or change set it applied was issued,
 * and reports it with every answer; a gate whose list is older than its policy allows should fetch
 * changes first ({@link GateClient} does that over HTTP).
 *
 * <p>Thread-safe: verifications may run while a new list or change set is applied.
 */
public final class OfflineGate {
  private final PublicKey key;
  private final Clock clock;
  private volatile Snapshot list;

  /** The entries of one version, by key, as one immutable value. */
  private record Snapshot(
      long version, Instant issuedAt, Map<RevocationEntry.Key, RevocationEntry> entries) {}

  public OfflineGate(PublicKey key, Clock clock) {
    this.key = Objects.requireNonNull(key, "key");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The server's public key, as {@code GET /pass-codes/key} gives it. */
  public PublicKey key() {
    return key;
  }

  /** Checks and installs a full list (downloaded from {@code GET /revocations}). */
  public synchronized RevocationList load(byte[] signedList) throws InvalidRevocationListException {
    RevocationList loaded = RevocationList.verify(signedList, key);
    install(loaded);
    return loaded;
  }

  /** Installs a list already verified. */
  public synchronized void install(RevocationList verified) {
    Map<RevocationEntry.Key, RevocationEntry> entries =
        new HashMap<>(verified.entries().size() * 2);
    for (RevocationEntry e : verified.entries()) {
      entries.put(e.key(), e);
    }
    list = new Snapshot(verified.version(), verified.issuedAt(), entries);
  }

  /**
   * Checks and applies a change set ({@code GET /revocations?since=<version>}).
   *
   * @throws InvalidRevocationListException {@code sequence} when the change set does not start at
   *     this gate's version (the gate then loads the full list), {@code format}, {@code signature}
   */
  public synchronized RevocationChanges apply(byte[] signedChanges)
      throws InvalidRevocationListException {
    RevocationChanges changes = RevocationChanges.verify(signedChanges, key);
    Snapshot current = list;
    if (current == null || changes.since() != current.version()) {
      throw new InvalidRevocationListException(
          "sequence",
          "the changes start at version "
              + changes.since()
              + ", the gate's list is at "
              + (current == null ? "none" : current.version()));
    }
    if (changes.issuedAt().isBefore(current.issuedAt())) {
      throw new InvalidRevocationListException(
          "sequence", "the changes were issued before the gate's list");
    }
    Map<RevocationEntry.Key, RevocationEntry> entries = new HashMap<>(current.entries());
    changes.removed().forEach(entries::remove);
    changes.added().forEach(e -> entries.put(e.key(), e));
    list = new Snapshot(changes.version(), changes.issuedAt(), entries);
    return changes;
  }

  /** The list's version, or -1 before a list was loaded. */
  public long listVersion() {
    Snapshot current = list;
    return current == null ? -1 : current.version();
  }

  /** When the newest list or change set applied was issued, or null. */
  public Instant listIssuedAt() {
    Snapshot current = list;
    return current == null ? null : current.issuedAt();
  }

  /** How old the gate's knowledge of revocations is; null before a list was loaded. */
  public Duration listAge() {
    Snapshot current = list;
    return current == null ? null : age(current);
  }

  /** The number of entries on the gate's list. */
  public int listSize() {
    Snapshot current = list;
    return current == null ? 0 : current.entries().size();
  }

  /** The entry of a pass number or card serial, or null. */
  public RevocationEntry entry(RevocationEntry.Kind kind, String subject) {
    Snapshot current = list;
    return current == null ? null : current.entries().get(new RevocationEntry.Key(kind, subject));
  }

  /**
   * May this scanned code pass at {@code port} (any port when null) today?
   *
   * @param payload the scanned text, {@code PP1....}
   */
  public OfflineVerification verify(String payload, String port) {
    Snapshot current = list;
    long version = current == null ? -1 : current.version();
    Duration age = current == null ? null : age(current);
    PassCode code;
    try {
      code = PassCode.verify(payload, key);
    } catch (InvalidPassCodeException e) {
      return new OfflineVerification(
          false, e.reason(), e.getMessage(), null, null, null, null, null, version, age);
    }
    String gate = PortCode.normaliseOptional(port);
    LocalDate today = LocalDate.now(clock.withZone(PortTime.ZONE));
    String reason;
    String message;
    RevocationEntry card =
        current == null ? null : find(current, RevocationEntry.Kind.CARD, code.cardSerial());
    RevocationEntry pass =
        current == null ? null : find(current, RevocationEntry.Kind.PASS, code.passNumber());
    if (current == null) {
      reason = "no-list";
      message = "the gate holds no revocation list";
    } else if (card != null) {
      reason = "card-void";
      message = "the card was voided on " + card.since();
    } else if (pass != null) {
      reason = "status";
      message = "the pass is " + pass.reason() + " since " + pass.since();
    } else if (today.isBefore(code.validFrom())) {
      reason = "not-yet-valid";
      message = "the pass is valid from " + code.validFrom();
    } else if (today.isAfter(code.validTo())) {
      reason = "expired";
      message = "the pass expired on " + code.validTo();
    } else if (gate != null && !code.accessPorts().contains(gate)) {
      reason = "port";
      message = "the pass does not give access to " + gate;
    } else {
      reason = "ok";
      message = "valid";
    }
    return new OfflineVerification(
        reason.equals("ok"),
        reason,
        message,
        code.passNumber(),
        code.cardSerial(),
        code.accessPorts(),
        code.validFrom(),
        code.validTo(),
        version,
        age);
  }

  private static RevocationEntry find(Snapshot list, RevocationEntry.Kind kind, String subject) {
    try {
      return list.entries().get(new RevocationEntry.Key(kind, subject));
    } catch (IllegalArgumentException notASubject) {
      return null; // a signed code whose number no entry could name
    }
  }

  private Duration age(Snapshot current) {
    Duration age = Duration.between(current.issuedAt(), clock.instant());
    return age.isNegative() ? Duration.ZERO : age;
  }
}
