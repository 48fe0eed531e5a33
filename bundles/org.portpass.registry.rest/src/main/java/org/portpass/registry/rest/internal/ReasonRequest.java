package org.portpass.registry.rest.internal;

/** A body that only carries a reason, e.g. for suspending a company. */
public record ReasonRequest(String reason) {}
