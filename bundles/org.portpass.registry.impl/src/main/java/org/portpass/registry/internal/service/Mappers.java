package org.portpass.registry.internal.service;

import java.time.Instant;
import java.util.Date;
import org.portpass.registry.Attachment;
import org.portpass.registry.Company;
import org.portpass.registry.Contact;
import org.portpass.registry.Employment;
import org.portpass.registry.Person;
import org.portpass.registry.Vehicle;
import org.portpass.registry.internal.entity.AttachmentEntity;
import org.portpass.registry.internal.entity.CompanyEntity;
import org.portpass.registry.internal.entity.ContactEmbeddable;
import org.portpass.registry.internal.entity.EmploymentEntity;
import org.portpass.registry.internal.entity.PersonEntity;
import org.portpass.registry.internal.entity.VehicleEntity;

/** Entities never leave this bundle: every service returns these immutable views. */
final class Mappers {
  private Mappers() {}

  static Company company(CompanyEntity e) {
    return new Company(
        e.getId(),
        e.getTaxId(),
        e.getName(),
        e.getNameEn(),
        e.getAddress(),
        e.getPhone(),
        e.getIndustry(),
        e.getContacts().stream()
            .map(c -> new Contact(c.getName(), c.getTitle(), c.getPhone(), c.getEmail()))
            .toList(),
        e.getStatus(),
        instant(e.getVerifiedAt()),
        e.getVerifiedBy(),
        e.getVersion(),
        instant(e.getCreatedAt()),
        instant(e.getUpdatedAt()));
  }

  static ContactEmbeddable contact(Contact c) {
    ContactEmbeddable e = new ContactEmbeddable();
    e.setName(c.name());
    e.setTitle(c.title());
    e.setPhone(c.phone());
    e.setEmail(c.email());
    return e;
  }

  static Person person(PersonEntity e) {
    CompanyEntity company = e.getCompany();
    return new Person(
        e.getId(),
        e.getIdentityKind(),
        e.getIdentityNumber(),
        e.getNationality(),
        e.getNameZh(),
        e.getNameEn(),
        e.getBirthDate(),
        e.getPhone(),
        company == null ? null : company.getId(),
        company == null ? null : company.getTaxId(),
        company == null ? null : company.getName(),
        e.getVersion(),
        instant(e.getCreatedAt()),
        instant(e.getUpdatedAt()));
  }

  static Employment employment(EmploymentEntity e) {
    return new Employment(
        e.getCompany().getId(),
        e.getCompany().getTaxId(),
        e.getCompany().getName(),
        instant(e.getStartedAt()),
        instant(e.getEndedAt()),
        e.getRecordedBy());
  }

  static Vehicle vehicle(VehicleEntity e) {
    return new Vehicle(
        e.getId(),
        e.getPlateNumber(),
        e.getType(),
        e.getMake(),
        e.getColour(),
        e.getCompany().getId(),
        e.getCompany().getTaxId(),
        e.getCompany().getName(),
        e.getVersion(),
        instant(e.getCreatedAt()),
        instant(e.getUpdatedAt()));
  }

  static Attachment attachment(AttachmentEntity e) {
    return new Attachment(
        e.getId(),
        e.getOwnerKind(),
        e.getOwnerId(),
        e.getType(),
        e.getFileName(),
        e.getContentType(),
        e.getSize(),
        e.getSha256(),
        e.getValidUntil(),
        e.getUploadedBy(),
        instant(e.getUploadedAt()));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
