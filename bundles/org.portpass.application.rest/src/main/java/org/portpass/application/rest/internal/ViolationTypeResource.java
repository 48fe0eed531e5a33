package org.portpass.application.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.portpass.application.SanctionService;
import org.portpass.application.ViolationType;
import org.portpass.core.ValidationException;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.LiveServices;

@Component(service = ViolationTypeResource.class)
@JaxrsResource
@JSONRequired
@Path("violation-types")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "violations")
public class ViolationTypeResource {
  private final LiveServices services;
  private final SanctionService sanctions;
  private final CallerResolver callers;

  /** A type's definition; its code and port are in the path and query. */
  public record Definition(
      String nameEn, String nameZhTw, Integer banMonths, Boolean singleVisitAllowed) {}

  @Activate
  public ViolationTypeResource(BundleContext context, @Reference CallerResolver callers) {
    this.services = new LiveServices(context);
    this.sanctions = services.of(SanctionService.class);
    this.callers = callers;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @GET
  @Operation(
      summary = "The violation types in effect at a port (its own, and the defaults it keeps)",
      description = "Without port: the defaults for all ports.")
  public List<ViolationType> list(
      @Context HttpServletRequest request, @QueryParam("port") String port) {
    callers.resolve(request); // any signed-in account: the rules are public to the port's users
    return sanctions.types(port);
  }

  @PUT
  @Path("{code}")
  @Operation(summary = "Define or redefine a violation type (ADMIN); bans given keep theirs")
  public ViolationType define(
      @Context HttpServletRequest request,
      @PathParam("code") String code,
      @Parameter(description = "a port code, or * (the default) when left out") @QueryParam("port")
          String port,
      Definition body) {
    Definition d = Inputs.body(body);
    ViolationType type =
        new ViolationType(
            code,
            port == null || port.isBlank() ? ViolationType.ALL_PORTS : port,
            d.nameEn(),
            d.nameZhTw(),
            required("banMonths", d.banMonths()),
            required("singleVisitAllowed", d.singleVisitAllowed()));
    return sanctions.defineType(callers.resolve(request), type);
  }

  private static <T> T required(String field, T value) {
    if (value == null) {
      throw ValidationException.required(field);
    }
    return value;
  }
}
