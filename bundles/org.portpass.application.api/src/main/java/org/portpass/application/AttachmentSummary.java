package org.portpass.application;

import java.time.LocalDate;
import org.portpass.registry.AttachmentType;

/**
 * What a rule may know of an attachment sent with a line.
 *
 * @param validUntil the document's expiry date, or {@code null} if it does not expire
 */
public record AttachmentSummary(AttachmentType type, LocalDate validUntil) {

  /** True when the document is still valid on {@code day}. */
  public boolean isValidOn(LocalDate day) {
    return validUntil == null || !validUntil.isBefore(day);
  }
}
