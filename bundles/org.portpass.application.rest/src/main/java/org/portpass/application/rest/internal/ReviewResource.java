package org.portpass.application.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
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
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.portpass.application.DecisionResult;
import org.portpass.application.FormLine;
import org.portpass.application.LineRef;
import org.portpass.application.ReviewService;
import org.portpass.application.ReviewTask;
import org.portpass.application.Stage;
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.Languages;
import org.portpass.rest.LiveServices;
import org.portpass.rest.Paging;

@Component(service = ReviewResource.class)
@JaxrsResource
@JSONRequired
@Path("reviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "reviews", description = "The ports' review queues and decisions (審查人員, 港警人員, 主管人員)")
public class ReviewResource {
  private final LiveServices services;
  private final ReviewService reviews;
  private final CallerResolver callers;

  @Activate
  public ReviewResource(BundleContext context, @Reference CallerResolver callers) {
    this.services = new LiveServices(context);
    this.reviews = services.of(ReviewService.class);
    this.callers = callers;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @GET
  @Path("{port}/{stage}")
  @Operation(
      summary = "The open review tasks of a port at a stage, oldest submission first",
      description = "Needs the stage's role for the port. Each task carries the line's findings.")
  public Page<ReviewTask> queue(
      @Context HttpServletRequest request,
      @PathParam("port") String port,
      @Parameter(schema = @Schema(implementation = Stage.class)) @PathParam("stage") String stage,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Caller caller = callers.resolve(request);
    Page<ReviewTask> tasks =
        reviews.queue(caller, port, Inputs.stage(stage), Paging.of(page, size));
    Locale language = Languages.of(request);
    return new Page<>(
        tasks.items().stream().map(task -> findingsIn(task, language)).toList(),
        tasks.page(),
        tasks.size(),
        tasks.total());
  }

  /** The task with its findings' sentences in the caller's language. */
  private static ReviewTask findingsIn(ReviewTask task, Locale language) {
    return task.withFindings(task.findings().stream().map(f -> f.in(language)).toList());
  }

  @ApiResponse(
      responseCode = "409",
      description = "Another decision came first, or the line was resubmitted since it was read")
  @POST
  @Path("{port}/{stage}/lines/{lineId: \\d+}")
  @Operation(
      summary = "Approve or reject one line at a port and stage",
      description =
          "revision is the line's revision from the queue; a line resubmitted since gets 409."
              + " A rejection needs a reason.")
  public FormLine decide(
      @Context HttpServletRequest request,
      @PathParam("port") String port,
      @Parameter(schema = @Schema(implementation = Stage.class)) @PathParam("stage") String stage,
      @PathParam("lineId") long lineId,
      DecisionRequest body) {
    Caller caller = callers.resolve(request);
    Stage parsed = Inputs.stage(stage);
    DecisionRequest checked = Inputs.decision(body);
    return reviews.decide(
        caller, lineId, port, parsed, checked.decision(), checked.reason(), checked.revision());
  }

  @POST
  @Path("{port}/{stage}/decisions")
  @Operation(
      summary = "Give the same decision on many lines at a port and stage",
      description =
          "Each line is decided on its own: the answer has one result per line, in the order"
              + " given, with the error code of a refused one (gone, already decided,"
              + " resubmitted). What is wrong with the request itself (no decision, no reason for"
              + " a rejection, a line without id or revision) refuses it whole with 400, as for"
              + " one line.")
  public List<DecisionResult> decideMany(
      @Context HttpServletRequest request,
      @PathParam("port") String port,
      @Parameter(schema = @Schema(implementation = Stage.class)) @PathParam("stage") String stage,
      BulkDecisionRequest body) {
    Caller caller = callers.resolve(request);
    Stage parsed = Inputs.stage(stage);
    List<LineRef> lines = Inputs.bulk(body);
    return reviews.decideMany(caller, port, parsed, body.decision(), body.reason(), lines);
  }
}
