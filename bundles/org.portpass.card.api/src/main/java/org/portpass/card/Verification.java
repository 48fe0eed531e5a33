package org.portpass.card;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * A gate's question answered: may this card pass here today? {@code reason} is {@code ok} or one of
 * {@code format}, {@code signature}, {@code unknown-pass}, {@code card-void}, {@code status},
 * {@code not-yet-valid}, {@code expired}, {@code port}; {@code message} explains it to a person.
 */
public record Verification(
    boolean valid,
    String reason,
    String message,
    @Schema(nullable = true) String passNumber,
    @Schema(nullable = true) String cardSerial,
    @Schema(nullable = true) String holder,
    List<String> accessPorts,
    @Schema(nullable = true) LocalDate validFrom,
    @Schema(nullable = true) LocalDate validTo) {
  public Verification {
    accessPorts = accessPorts == null ? List.of() : List.copyOf(accessPorts);
  }
}
