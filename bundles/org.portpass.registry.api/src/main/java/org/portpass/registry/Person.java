package org.portpass.registry;

import java.time.Instant;
import java.time.LocalDate;

/** A person (人員) as stored; the identity number is the person's natural key. */
public record Person(
    long id,
    IdentityKind identityKind,
    String identityNumber,
    String nationality,
    String nameZh,
    String nameEn,
    LocalDate birthDate,
    String phone,
    Long companyId,
    String companyTaxId,
    String companyName,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
