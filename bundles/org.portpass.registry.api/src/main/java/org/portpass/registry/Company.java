package org.portpass.registry;

import java.time.Instant;
import java.util.List;

/** A company (業者) as stored. */
public record Company(
    long id,
    String taxId,
    String name,
    String nameEn,
    String address,
    String phone,
    String industry,
    List<Contact> contacts,
    CompanyStatus status,
    Instant verifiedAt,
    String verifiedBy,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
