package org.portpass.application;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.portpass.registry.AttachmentType;
import org.portpass.registry.VehicleType;

/**
 * Everything a {@link ReviewRule} may look at for one line: no identity numbers, names or files.
 *
 * @param port the port whose rules are run
 * @param today the current date in the system's time zone; compare with this, not the clock
 * @param attachments the attachments sent with the line (the subject's ticked ones)
 * @param birthDate the person's birth date, or {@code null} (vehicles, or not known)
 * @param vehicleType the vehicle's type, or {@code null} (persons)
 */
public record RuleContext(
    String port,
    LocalDate today,
    PassType passType,
    Set<String> accessPorts,
    String pickupPort,
    SubjectKind subjectKind,
    LocalDate validFrom,
    LocalDate validTo,
    List<AttachmentSummary> attachments,
    LocalDate birthDate,
    VehicleType vehicleType) {

  public RuleContext {
    accessPorts = Set.copyOf(accessPorts);
    attachments = List.copyOf(attachments);
  }

  /** True when an attachment of this type is sent that is still valid on {@code day}. */
  public boolean hasValidAttachment(AttachmentType type, LocalDate day) {
    return attachments.stream().anyMatch(a -> a.type() == type && a.isValidOn(day));
  }
}
