package org.portpass.card.internal.service;

import java.util.Comparator;
import java.util.Locale;
import org.portpass.application.Pass;
import org.portpass.application.SubjectKind;
import org.portpass.card.CardFace;
import org.portpass.card.CardFaceRenderer;
import org.portpass.core.Caller;
import org.portpass.core.ValidationException;
import org.portpass.registry.Attachment;
import org.portpass.registry.AttachmentService;
import org.portpass.registry.AttachmentType;
import org.portpass.registry.OwnerKind;
import org.portpass.registry.Person;
import org.portpass.registry.PersonService;
import org.portpass.registry.Vehicle;
import org.portpass.registry.VehicleService;

/**
 * Gathers what goes on a card from the pass and the holder's registry record, and renders it. The
 * holder is read from the registry's own unit: call it outside card production's transactions.
 */
final class CardFaces {
  private final Caller system;
  private final PersonService persons;
  private final VehicleService vehicles;
  private final AttachmentService attachments;
  private final CardFaceRenderer renderer;

  CardFaces(
      Caller system,
      PersonService persons,
      VehicleService vehicles,
      AttachmentService attachments,
      CardFaceRenderer renderer) {
    this.system = system;
    this.persons = persons;
    this.vehicles = vehicles;
    this.attachments = attachments;
    this.renderer = renderer;
  }

  /** The card face as the desk's printer takes it. */
  byte[] png(Pass pass, String cardSerial, String passCode) {
    return renderer.png(face(pass, cardSerial, passCode));
  }

  /** The card face as {@code png} or {@code pdf} (in any case). */
  byte[] image(Pass pass, String cardSerial, String passCode, String format) {
    CardFace face = face(pass, cardSerial, passCode);
    return switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
      case "png" -> renderer.png(face);
      case "pdf" -> renderer.pdf(face);
      default -> throw ValidationException.of("format", "png-or-pdf", "must be png or pdf");
    };
  }

  CardFace face(Pass pass, String cardSerial, String passCode) {
    String nameZh;
    String nameEn;
    String company;
    byte[] photo = null;
    if (pass.subjectKind() == SubjectKind.PERSON) {
      Person person = persons.get(system, pass.subjectId());
      nameZh = person.nameZh();
      nameEn = person.nameEn();
      company = person.companyName();
      photo = photo(OwnerKind.PERSON, person.id());
    } else {
      Vehicle vehicle = vehicles.get(system, pass.subjectId());
      nameZh = vehicle.plateNumber();
      nameEn = vehicle.type() + (vehicle.make() == null ? "" : " · " + vehicle.make());
      company = vehicle.companyName();
    }
    return new CardFace(
        pass.number(),
        cardSerial,
        pass.passType().name(),
        pass.subjectKind().name(),
        nameZh,
        nameEn,
        company,
        pass.accessPorts(),
        pass.pickupPort(),
        pass.validFrom(),
        pass.validTo(),
        photo,
        passCode);
  }

  /** The holder's newest photo, if any. */
  private byte[] photo(OwnerKind kind, long owner) {
    return attachments.list(system, kind, owner).stream()
        .filter(a -> a.type() == AttachmentType.PHOTO)
        .max(Comparator.comparing(Attachment::uploadedAt))
        .map(a -> attachments.content(system, kind, owner, a.id()).bytes())
        .orElse(null);
  }
}
