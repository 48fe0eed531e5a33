package org.portpass.registry;

/**
 * Person search: by identity number (exact, after normalisation), by name (part of the Chinese or
 * English name, case-insensitive), by company; null criteria are ignored.
 */
public record PersonQuery(String identityNumber, String name, Long companyId) {}
