package org.portpass.card.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
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
import org.portpass.card.CardJob;
import org.portpass.card.CardJobStatus;
import org.portpass.card.CardService;
import org.portpass.card.StepOrder;
import org.portpass.card.StepReport;
import org.portpass.core.Page;
import org.portpass.core.ValidationException;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.LiveServices;
import org.portpass.rest.Paging;
import org.portpass.rest.Responses;

@Component(service = CardJobResource.class)
@JaxrsResource
@JSONRequired
@Path("card-jobs")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "card jobs", description = "Card production at the pickup port's desk (製證)")
public class CardJobResource {
  private final LiveServices services;
  private final CardService cards;
  private final CallerResolver callers;

  @Activate
  public CardJobResource(BundleContext context, @Reference CallerResolver callers) {
    this.services = new LiveServices(context);
    this.cards = services.of(CardService.class);
    this.callers = callers;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @GET
  @Operation(summary = "A port's card jobs, oldest first, optionally of one status (CARD_DESK)")
  public Page<CardJob> queue(
      @Context HttpServletRequest request,
      @QueryParam("port") String port,
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return cards.queue(
        callers.resolve(request), required("port", port), status(status), Paging.of(page, size));
  }

  @GET
  @Path("next")
  @Operation(
      summary =
          "The jobs a desk should run now: those it had begun or holds a printed card of, then"
              + " queued ones",
      description = "What a card desk node polls; max: 1 to 100 jobs (10).")
  public List<CardJob> next(
      @Context HttpServletRequest request,
      @QueryParam("port") String port,
      @QueryParam("desk") String desk,
      @QueryParam("max") String max) {
    return cards.next(
        callers.resolve(request), required("port", port), desk, Paging.number("max", max, 10));
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = CardJob.class)))
  @GET
  @Path("{id: \\d+}")
  @Operation(summary = "A card job with every attempt and every card")
  public Response job(@Context HttpServletRequest request, @PathParam("id") long id) {
    CardJob job = cards.job(callers.resolve(request), id);
    return Responses.ok(job, job.version());
  }

  @POST
  @Path("{id: \\d+}/steps")
  @Operation(
      summary = "Begin the job's next step at a desk",
      description =
          "Answers what the desk needs: the card face PNG to print, or the chip data to write. A"
              + " step the same desk began and never reported is closed as interrupted first.")
  public StepOrder begin(
      @Context HttpServletRequest request, @PathParam("id") long id, Bodies.BeginRequest body) {
    return cards.begin(callers.resolve(request), id, Bodies.body(body).desk());
  }

  @PUT
  @Path("{id: \\d+}/steps/{attemptId: \\d+}")
  @Operation(
      summary = "Report a begun step's outcome",
      description =
          "ok with the scanned code (VERIFY) or the chip UID and read-back data (ENCODE), or the"
              + " device fault. The server checks the card; a mismatch voids it.")
  public CardJob report(
      @Context HttpServletRequest request,
      @PathParam("id") long id,
      @PathParam("attemptId") long attemptId,
      StepReport body) {
    return cards.report(callers.resolve(request), id, attemptId, Bodies.body(body));
  }

  @POST
  @Path("{id: \\d+}/retry")
  @Operation(summary = "Run a FAILED job's failed step again")
  public CardJob retry(@Context HttpServletRequest request, @PathParam("id") long id) {
    return cards.retry(callers.resolve(request), id);
  }

  @POST
  @Path("{id: \\d+}/void")
  @Operation(summary = "Void the job's current card (to be destroyed) and print a new one")
  public CardJob voidCard(
      @Context HttpServletRequest request, @PathParam("id") long id, Bodies.ReasonRequest body) {
    return cards.voidCard(callers.resolve(request), id, Bodies.body(body).reason());
  }

  static String required(String name, String value) {
    if (value == null || value.isBlank()) {
      throw ValidationException.required(name);
    }
    return value;
  }

  private static CardJobStatus status(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return CardJobStatus.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ValidationException.oneOf("status", List.of(CardJobStatus.values()));
    }
  }
}
