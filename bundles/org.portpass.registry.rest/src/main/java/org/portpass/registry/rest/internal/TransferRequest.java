package org.portpass.registry.rest.internal;

/** Body of a transfer: the new company and the version of the record the client read. */
public record TransferRequest(Long companyId, Long version) {}
