package org.portpass.registry.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
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
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.core.ValidationException;
import org.portpass.registry.Vehicle;
import org.portpass.registry.VehicleData;
import org.portpass.registry.VehicleQuery;
import org.portpass.registry.VehicleService;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.LiveServices;
import org.portpass.rest.Paging;
import org.portpass.rest.Responses;
import org.portpass.rest.Versions;

@Component(service = VehicleResource.class)
@JaxrsResource
@JSONRequired
@Path(VehicleResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "vehicles", description = "Vehicles (車輛), identified by their plate number")
public class VehicleResource {
  static final String PATH = "vehicles";

  private final LiveServices services;
  private final VehicleService vehicles;
  private final CallerResolver callers;

  @Activate
  public VehicleResource(BundleContext context, @Reference CallerResolver callers) {
    this.services = new LiveServices(context);
    this.vehicles = services.of(VehicleService.class);
    this.callers = callers;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @GET
  @Operation(summary = "Search vehicles by plate number and owner company")
  public Page<Vehicle> search(
      @Context HttpServletRequest request,
      @QueryParam("plateNumber") String plateNumber,
      @QueryParam("companyId") String companyId,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return vehicles.search(
        callers.resolve(request),
        new VehicleQuery(plateNumber, Paging.optionalId("companyId", companyId)),
        Paging.of(page, size));
  }

  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = Vehicle.class)))
  @POST
  @Operation(
      summary = "Register a vehicle",
      description = "The plate is normalised; the owner company's tax ID is filled in.")
  public Response create(@Context HttpServletRequest request, VehicleData vehicle) {
    Caller caller = callers.resolve(request);
    Vehicle created = vehicles.create(caller, vehicle);
    return Responses.created(PATH, created.id(), created, created.version());
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = Vehicle.class)))
  @GET
  @Path("{id: \\d+}")
  @Operation(summary = "A vehicle by id")
  public Response get(@Context HttpServletRequest request, @PathParam("id") long id) {
    Caller caller = callers.resolve(request);
    Vehicle vehicle = vehicles.get(caller, id);
    return Responses.ok(vehicle, vehicle.version());
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = Vehicle.class)))
  @PUT
  @Path("{id: \\d+}")
  @Operation(summary = "Change a vehicle's data (not the owner: use transfer)")
  public Response update(
      @Context HttpServletRequest request,
      @PathParam("id") long id,
      @HeaderParam("If-Match") String ifMatch,
      VehicleData data) {
    Caller caller = callers.resolve(request);
    long version = Versions.required(ifMatch, data.version());
    Vehicle updated =
        vehicles.update(
            caller,
            id,
            new VehicleData(
                data.plateNumber(),
                data.type(),
                data.make(),
                data.colour(),
                data.companyId(),
                version));
    return Responses.ok(updated, updated.version());
  }

  @ApiResponse(responseCode = "204", description = "Deleted")
  @ApiResponse(
      responseCode = "409",
      description = "The vehicle is on an application still in flight, or the version is stale")
  @DELETE
  @Path("{id: \\d+}")
  @Operation(summary = "Delete a vehicle and its attachments; refused while on an application")
  public Response delete(
      @Context HttpServletRequest request,
      @PathParam("id") long id,
      @HeaderParam("If-Match") String ifMatch,
      @QueryParam("version") String version) {
    Caller caller = callers.resolve(request);
    vehicles.delete(caller, id, Versions.required(ifMatch, Paging.optionalId("version", version)));
    return Response.noContent().build();
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = Vehicle.class)))
  @POST
  @Path("{id: \\d+}/transfer")
  @Operation(summary = "Move a vehicle to another owner company; attachments move with it")
  public Response transfer(
      @Context HttpServletRequest request,
      @PathParam("id") long id,
      @HeaderParam("If-Match") String ifMatch,
      TransferRequest body) {
    Caller caller = callers.resolve(request);
    if (body == null || body.companyId() == null) {
      throw ValidationException.required("companyId");
    }
    Vehicle moved =
        vehicles.transfer(caller, id, body.companyId(), Versions.required(ifMatch, body.version()));
    return Responses.ok(moved, moved.version());
  }
}
