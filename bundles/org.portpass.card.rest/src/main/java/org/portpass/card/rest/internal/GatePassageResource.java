package org.portpass.card.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.portpass.card.gate.GatePassage;
import org.portpass.card.gate.GatePassageQuery;
import org.portpass.card.gate.GatePassageReport;
import org.portpass.card.gate.GatePassageService;
import org.portpass.core.Page;
import org.portpass.core.ValidationException;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.LiveServices;
import org.portpass.rest.Paging;

@Component(service = GatePassageResource.class)
@JaxrsResource
@JSONRequired
@Path("gate-passages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "gates")
public class GatePassageResource {
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final LiveServices services;
  private final GatePassageService passages;
  private final CallerResolver callers;

  @Activate
  public GatePassageResource(BundleContext context, @Reference CallerResolver callers) {
    this.services = new LiveServices(context);
    this.passages = services.of(GatePassageService.class);
    this.callers = callers;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @POST
  @Operation(
      summary = "Report a gate's verification of a pass code (進出紀錄)",
      description =
          "code, port, zone (optional), time and the gate's result (ok or its reason). The"
              + " port's POLICE (the gates) and administrators.")
  @ApiResponse(
      responseCode = "201",
      description = "Recorded",
      content = @Content(schema = @Schema(implementation = GatePassage.class)))
  public Response record(@Context HttpServletRequest request, GatePassageReport body) {
    GatePassage recorded = passages.record(callers.resolve(request), Bodies.body(body));
    return Response.status(Response.Status.CREATED).entity(recorded).build();
  }

  @GET
  @Operation(
      summary = "Gate passage records, newest first, per port and per pass",
      description =
          "port: a port code; pass: a pass number; from (inclusive), to (exclusive): times."
              + " Port staff see their own ports' records, administrators every port's.")
  public Page<GatePassage> find(
      @Context HttpServletRequest request,
      @QueryParam("port") String port,
      @QueryParam("pass") String pass,
      @Parameter(description = "a time, e.g. 2026-12-04T00:00:00Z") @QueryParam("from") String from,
      @Parameter(description = "a time, e.g. 2026-12-05T00:00:00Z") @QueryParam("to") String to,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return passages.find(
        callers.resolve(request),
        new GatePassageQuery(blank(port), blank(pass), time("from", from), time("to", to)),
        Paging.of(page, size));
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Instant time(String field, String value) {
    if (blank(value) == null) {
      return null;
    }
    Instant time;
    try {
      time = Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ValidationException.of(field, "time", "must be a time like 2026-11-27T09:00:00Z");
    }
    if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
      throw ValidationException.of(
          field, "time-range", "must be a time between the years 1 and 9999");
    }
    return time;
  }
}
