package org.portpass.rest.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Set;

/** The shape of the health answer, for the OpenAPI document (the resource writes it as a map). */
@Schema(name = "Health")
record HealthReport(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            allowableValues = {"UP", "DOWN"})
        String status,
    Database database,
    @Schema(description = "The capabilities whose schema is ready") Set<String> capabilities,
    @Schema(description = "JAX-RS resources registered but not served yet") Long resourcesNotServed,
    @Schema(description = "JAX-RS resource components still waiting for a service")
        Long resourcesWaiting,
    @Schema(description = "Whether Karaf has started every boot feature") Boolean bootFinished) {

  @Schema(name = "HealthDatabase")
  record Database(
      @Schema(allowableValues = {"UP", "DOWN"}) String status,
      @Schema(nullable = true) String product,
      @Schema(nullable = true) String url,
      int appliedChangesets,
      long roundTripMillis,
      @Schema(description = "Why the database does not answer") String error) {}
}
