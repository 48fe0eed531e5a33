package org.portpass.registry;

/**
 * Vehicle search: by plate (exact, after normalisation) and by owner company; nulls are ignored.
 */
public record VehicleQuery(String plateNumber, Long companyId) {}
