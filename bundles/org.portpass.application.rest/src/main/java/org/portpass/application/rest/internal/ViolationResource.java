package org.portpass.application.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
import org.portpass.application.SanctionService;
import org.portpass.application.Standing;
import org.portpass.application.SubjectKind;
import org.portpass.application.Violation;
import org.portpass.application.ViolationInput;
import org.portpass.core.Caller;
import org.portpass.core.ValidationException;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.LiveServices;
import org.portpass.rest.Paging;

@Component(service = ViolationResource.class)
@JaxrsResource
@JSONRequired
@Path("violations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
    name = "violations",
    description =
        "Violations (違規) recorded by the police or the port authority, the seizure (查扣) of the"
            + " pass, and the bans (管制) they carry")
public class ViolationResource {
  private final LiveServices services;
  private final SanctionService sanctions;
  private final CallerResolver callers;

  /** A company's suspension from applying (停權). */
  public record CompanySuspension(long companyId, LocalDate suspendedUntil) {}

  @Activate
  public ViolationResource(BundleContext context, @Reference CallerResolver callers) {
    this.services = new LiveServices(context);
    this.sanctions = services.of(SanctionService.class);
    this.callers = callers;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = Violation.class)))
  @POST
  @Operation(
      summary = "Record a violation; with seizedPass the pass is seized in the same step",
      description =
          "POLICE or SUPERVISOR of the violation's port. The ban runs from occurredOn for the"
              + " type's months (GET /violation-types?port=).")
  public Response record(@Context HttpServletRequest request, ViolationInput input) {
    Violation v = sanctions.record(callers.resolve(request), Inputs.body(input));
    return Response.created(URI.create("violations/" + v.id())).entity(v).build();
  }

  @GET
  @Path("{id: \\d+}")
  @Operation(summary = "One violation")
  public Violation get(@Context HttpServletRequest request, @PathParam("id") long id) {
    return sanctions.get(callers.resolve(request), id);
  }

  @GET
  @Operation(
      summary = "A subject's violations, or a company's staff's, newest first",
      description = "Give subjectKind and subjectId, or companyId.")
  public List<Violation> list(
      @Context HttpServletRequest request,
      @Parameter(schema = @Schema(implementation = SubjectKind.class)) @QueryParam("subjectKind")
          String subjectKind,
      @QueryParam("subjectId") String subjectId,
      @QueryParam("companyId") String companyId) {
    Caller caller = callers.resolve(request);
    Long company = Paging.optionalId("companyId", companyId);
    if (company != null) {
      return sanctions.ofCompany(caller, company);
    }
    return sanctions.ofSubject(caller, kind(subjectKind), subject(subjectId));
  }

  @GET
  @Path("standing")
  @Operation(summary = "The ban in force today on a subject, if any")
  public Standing standing(
      @Context HttpServletRequest request,
      @Parameter(schema = @Schema(implementation = SubjectKind.class)) @QueryParam("subjectKind")
          String subjectKind,
      @QueryParam("subjectId") String subjectId) {
    return sanctions.standing(callers.resolve(request), kind(subjectKind), subject(subjectId));
  }

  @GET
  @Path("company-suspension")
  @Operation(summary = "Whether a company's applications are suspended (停權), and until when")
  public CompanySuspension suspension(
      @Context HttpServletRequest request, @QueryParam("companyId") String companyId) {
    Long company = Paging.optionalId("companyId", companyId);
    if (company == null) {
      throw ValidationException.required("companyId");
    }
    return new CompanySuspension(
        company, sanctions.companySuspendedUntil(callers.resolve(request), company));
  }

  private static SubjectKind kind(String value) {
    return Inputs.optionalEnum("subjectKind", value, SubjectKind.class)
        .orElseThrow(() -> ValidationException.required("subjectKind"));
  }

  private static long subject(String value) {
    Long id = Paging.optionalId("subjectId", value);
    if (id == null) {
      throw ValidationException.required("subjectId");
    }
    return id;
  }
}
