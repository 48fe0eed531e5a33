package org.portpass.application.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.portpass.application.ApplicationService;
import org.portpass.application.FormLine;
import org.portpass.application.FormLineInput;
import org.portpass.application.ReviewDecision;
import org.portpass.application.ReviewService;
import org.portpass.core.Caller;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.LiveServices;

@Component(service = LineResource.class)
@JaxrsResource
@JSONRequired
@Path("lines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "lines", description = "Lines of submitted forms: resubmission, cancellation, history")
public class LineResource {
  private final LiveServices services;
  private final ApplicationService applications;
  private final ReviewService reviews;
  private final CallerResolver callers;

  @Activate
  public LineResource(BundleContext context, @Reference CallerResolver callers) {
    this.services = new LiveServices(context);
    this.applications = services.of(ApplicationService.class);
    this.reviews = services.of(ReviewService.class);
    this.callers = callers;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @POST
  @Path("{id: \\d+}/resubmit")
  @Operation(
      summary = "Fix a returned line and send it to review again (重送)",
      description =
          "The line's dates and attachments are replaced; subjectKind and subjectId must be the"
              + " line's own.")
  public FormLine resubmit(
      @Context HttpServletRequest request, @PathParam("id") long id, FormLineInput line) {
    Caller caller = callers.resolve(request);
    return applications.resubmitLine(caller, id, Inputs.body(line));
  }

  @POST
  @Path("{id: \\d+}/cancel")
  @Operation(summary = "Cancel a line (自行取消) before card production")
  public FormLine cancel(@Context HttpServletRequest request, @PathParam("id") long id) {
    return applications.cancelLine(callers.resolve(request), id);
  }

  @GET
  @Path("{id: \\d+}/history")
  @Operation(summary = "Every review decision on a line, oldest first")
  public List<ReviewDecision> history(
      @Context HttpServletRequest request, @PathParam("id") long id) {
    return reviews.history(callers.resolve(request), id);
  }
}
