package org.portpass.card.gate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * An offline gate's answer for a scanned pass code. {@code reason} is {@code ok} or, as the
 * server's verification words them, {@code format}, {@code signature}, {@code card-void} (the card
 * is on the list), {@code status} (the pass is on the list; {@code message} names its status),
 * {@code not-yet-valid}, {@code expired}, {@code port}; or {@code no-list} when the gate holds no
 * list yet. {@code listVersion} and {@code listAge} say what the answer was based on.
 */
public record OfflineVerification(
    boolean valid,
    String reason,
    String message,
    String passNumber,
    String cardSerial,
    List<String> accessPorts,
    LocalDate validFrom,
    LocalDate validTo,
    long listVersion,
    Duration listAge) {
  public OfflineVerification {
    accessPorts = accessPorts == null ? List.of() : List.copyOf(accessPorts);
  }
}
