package org.portpass.registry;

import java.time.Instant;

/** A vehicle (車輛) as stored; the normalised plate number is its natural key. */
public record Vehicle(
    long id,
    String plateNumber,
    VehicleType type,
    String make,
    String colour,
    long companyId,
    String companyTaxId,
    String companyName,
    long version,
    Instant createdAt,
    Instant updatedAt) {}
