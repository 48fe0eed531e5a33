package org.portpass.registry;

import java.time.LocalDate;

/**
 * A person's data as entered. {@code identityKind} may be omitted for Taiwanese numbers (it is
 * detected from the format); {@code nationality} is required for passports. On update, {@code
 * version} is the version the client read; the company is changed by a transfer, not here.
 */
public record PersonData(
    IdentityKind identityKind,
    String identityNumber,
    String nationality,
    String nameZh,
    String nameEn,
    LocalDate birthDate,
    String phone,
    Long companyId,
    Long version) {}
