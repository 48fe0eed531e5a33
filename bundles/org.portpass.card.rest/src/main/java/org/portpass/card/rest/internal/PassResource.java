package org.portpass.card.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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
import org.portpass.application.Pass;
import org.portpass.application.PassCards;
import org.portpass.application.PassQuery;
import org.portpass.application.PassService;
import org.portpass.application.PassStatus;
import org.portpass.card.CardJob;
import org.portpass.card.CardService;
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.core.PortCode;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.LiveServices;
import org.portpass.rest.Paging;
import org.portpass.rest.Responses;

@Component(service = PassResource.class)
@JaxrsResource
@JSONRequired
@Path("passes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "passes", description = "Passes (通行證): cards, pickup, suspension, revocation, loss")
public class PassResource {
  private final LiveServices services;
  private final PassService passes;
  private final CardService cards;
  private final CallerResolver callers;
  private final PassCards passCards;

  @Activate
  public PassResource(BundleContext context, @Reference CallerResolver callers) {
    this.services = new LiveServices(context);
    this.passes = services.of(PassService.class);
    this.cards = services.of(CardService.class);
    this.callers = callers;
    this.passCards = services.of(PassCards.class);
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @GET
  @Operation(
      summary = "List the passes you may see, newest first, each with its newest card",
      description =
          "Company accounts see only their own company's passes, whatever companyId says; port"
              + " staff the passes of their ports. port: an access port; validOn: a day within"
              + " the validity.")
  public Page<PassListItem> list(
      @Context HttpServletRequest request,
      @QueryParam("companyId") String companyId,
      @QueryParam("port") String port,
      @Parameter(schema = @Schema(implementation = PassStatus.class)) @QueryParam("status")
          String status,
      @Parameter(description = "a date, e.g. 2027-01-31") @QueryParam("validOn") String validOn,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Caller caller = callers.resolve(request);
    PassQuery query =
        new PassQuery(
            Paging.optionalId("companyId", companyId),
            PortCode.normaliseOptional(port),
            Paging.optionalEnum("status", status, PassStatus.class),
            Paging.optionalDate("validOn", validOn));
    Page<Pass> found = passes.find(caller, query, Paging.of(page, size));
    Map<String, PassCards.CardState> newest =
        passCards.newestCards(found.items().stream().map(Pass::number).toList());
    return found.map(p -> PassListItem.of(p, newest.get(p.number())));
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = Pass.class)))
  @GET
  @Path("{number}")
  @Operation(summary = "A pass")
  public Response get(@Context HttpServletRequest request, @PathParam("number") String number) {
    Pass pass = passes.get(callers.resolve(request), number);
    return Responses.ok(pass, pass.version());
  }

  @GET
  @Path("{number}/card-jobs")
  @Operation(summary = "The card jobs of a pass, newest first, with their attempts and cards")
  public List<CardJob> jobs(
      @Context HttpServletRequest request, @PathParam("number") String number) {
    return cards.jobsOfPass(callers.resolve(request), number);
  }

  @GET
  @Path("{number}/card.png")
  @Produces("image/png")
  @Operation(
      summary = "The card face of the pass's newest card (a preview before printing)",
      description = "It carries the signed pass code: the pickup port's CARD_DESK only.")
  public byte[] png(@Context HttpServletRequest request, @PathParam("number") String number) {
    return cards.face(callers.resolve(request), number, "png");
  }

  @GET
  @Path("{number}/card.pdf")
  @Produces("application/pdf")
  @Operation(
      summary = "The card face on an A4 sheet at real size, for printing",
      description = "It carries the signed pass code: the pickup port's CARD_DESK only.")
  public byte[] pdf(@Context HttpServletRequest request, @PathParam("number") String number) {
    return cards.face(callers.resolve(request), number, "pdf");
  }

  @POST
  @Path("{number}/pickup")
  @Operation(
      summary = "Hand the finished card over at the pickup desk (領證), recording who collected it")
  public CardJob.Card pickUp(
      @Context HttpServletRequest request,
      @PathParam("number") String number,
      Bodies.PickupRequest body) {
    return cards.pickUp(callers.resolve(request), number, Bodies.body(body).collectedBy());
  }

  @POST
  @Path("{number}/suspend")
  @Operation(summary = "Suspend an active pass (POLICE or SUPERVISOR of one of its ports)")
  public Pass suspend(
      @Context HttpServletRequest request,
      @PathParam("number") String number,
      Bodies.ReasonRequest body) {
    return passes.suspend(callers.resolve(request), number, Bodies.body(body).reason());
  }

  @POST
  @Path("{number}/reinstate")
  @Operation(summary = "Reinstate a suspended pass")
  public Pass reinstate(@Context HttpServletRequest request, @PathParam("number") String number) {
    return passes.reinstate(callers.resolve(request), number);
  }

  @POST
  @Path("{number}/revoke")
  @Operation(summary = "Revoke a pass for good; an unfinished card job is cancelled")
  public Pass revoke(
      @Context HttpServletRequest request,
      @PathParam("number") String number,
      Bodies.ReasonRequest body) {
    return passes.revoke(callers.resolve(request), number, Bodies.body(body).reason());
  }

  @POST
  @Path("{number}/lost")
  @Operation(
      summary = "Report the card lost: it is voided and a replacement card is queued",
      description = "By the holder's company or the pickup port's card desk.")
  public CardJob lost(
      @Context HttpServletRequest request,
      @PathParam("number") String number,
      Bodies.ReasonRequest body) {
    return cards.reportLost(callers.resolve(request), number, Bodies.body(body).reason());
  }
}
