package org.portpass.card.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.portpass.card.CardDesk;
import org.portpass.card.CardJob;
import org.portpass.core.Caller;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.PortCode;
import org.portpass.core.Role;
import org.portpass.rest.CallerResolver;

@Component(service = CardDeskResource.class)
@JaxrsResource
@JSONRequired
@Path("card-desks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "card desks", description = "The card desks running on this server and their devices")
public class CardDeskResource {
  private final CallerResolver callers;
  private final List<CardDesk> desks = new CopyOnWriteArrayList<>();

  @Activate
  public CardDeskResource(@Reference CallerResolver callers) {
    this.callers = callers;
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addDesk(CardDesk desk) {
    desks.add(desk);
  }

  void removeDesk(CardDesk desk) {
    desks.remove(desk);
  }

  @GET
  @Operation(summary = "The desks on this server the caller works at, with their devices' state")
  public List<CardDesk.DeskStatus> list(@Context HttpServletRequest request) {
    Caller caller = callers.resolve(request);
    return desks.stream().filter(d -> mayUse(caller, d.port())).map(CardDesk::status).toList();
  }

  @ApiResponse(
      responseCode = "200",
      description = "The job as it ended",
      content = @Content(schema = @Schema(implementation = CardJob.class)))
  @ApiResponse(responseCode = "204", description = "No job waits")
  @POST
  @Path("{port}/{desk}/run")
  @Operation(
      summary = "Run the desk's next job through its remaining steps",
      description = "Answers the job as it ended (DONE or FAILED), or 204 when nothing waits.")
  public Response run(
      @Context HttpServletRequest request,
      @PathParam("port") String port,
      @PathParam("desk") String desk) {
    Caller caller = callers.resolve(request);
    if (!mayUse(caller, port)) { // before looking: which desks exist is the port's business
      throw ForbiddenException.needsRoleAt(
          "running a desk at " + port + " needs its CARD_DESK role", Role.CARD_DESK, port);
    }
    CardDesk found =
        desks.stream()
            .filter(d -> d.port().equalsIgnoreCase(port) && d.desk().equals(desk))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("card desk", port + "/" + desk));
    CardJob job = found.runNext();
    return job == null ? Response.noContent().build() : Response.ok(job).build();
  }

  private static boolean mayUse(Caller caller, String port) {
    return caller.actsAt(Role.CARD_DESK, PortCode.normalise(port));
  }
}
