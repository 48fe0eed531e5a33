package org.portpass.registry;

/** A vehicle's data as entered; {@code version} is the version the client read, on update. */
public record VehicleData(
    String plateNumber,
    VehicleType type,
    String make,
    String colour,
    Long companyId,
    Long version) {}
