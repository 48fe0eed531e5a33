package org.portpass.application.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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
import org.portpass.application.ApplicationForm;
import org.portpass.application.ApplicationService;
import org.portpass.application.FormInput;
import org.portpass.application.FormQuery;
import org.portpass.application.FormStatus;
import org.portpass.application.FormSummary;
import org.portpass.application.PassType;
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.LiveServices;
import org.portpass.rest.Paging;
import org.portpass.rest.Responses;
import org.portpass.rest.Versions;

@Component(service = FormResource.class)
@JaxrsResource
@JSONRequired
@Path(FormResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "forms", description = "Application forms (申請單): draft box, submission, cancellation")
public class FormResource {
  static final String PATH = "forms";

  private final LiveServices services;
  private final ApplicationService applications;
  private final CallerResolver callers;
  private final LineCards cards;

  @Activate
  public FormResource(
      BundleContext context, @Reference CallerResolver callers, @Reference LineCards cards) {
    this.services = new LiveServices(context);
    this.applications = services.of(ApplicationService.class);
    this.callers = callers;
    this.cards = cards;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @GET
  @Operation(
      summary = "List the forms you may see, newest first",
      description = "Company accounts see only their own company's forms, whatever companyId says.")
  public Page<FormSummary> list(
      @Context HttpServletRequest request,
      @Parameter(schema = @Schema(implementation = FormStatus.class)) @QueryParam("status")
          String status,
      @Parameter(schema = @Schema(implementation = PassType.class)) @QueryParam("passType")
          String passType,
      @QueryParam("companyId") String companyId,
      @Parameter(description = "a prefix of the form number") @QueryParam("number") String number,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    Caller caller = callers.resolve(request);
    FormQuery query =
        new FormQuery(
            Paging.optionalId("companyId", companyId),
            Inputs.optionalEnum("status", status, FormStatus.class).orElse(null),
            Inputs.optionalEnum("passType", passType, PassType.class).orElse(null),
            number == null || number.isBlank() ? null : number.strip());
    return applications.listForms(caller, query, Paging.of(page, size));
  }

  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = ApplicationForm.class)))
  @POST
  @Operation(
      summary = "Save a new draft (草稿匣) for your company",
      description = "A draft may be incomplete; what is given is checked.")
  public Response create(@Context HttpServletRequest request, FormInput form) {
    Caller caller = callers.resolve(request);
    ApplicationForm created = applications.saveDraft(caller, Inputs.body(form));
    return Responses.created(PATH, created.id(), created, created.version());
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = ApplicationForm.class)))
  @GET
  @Path("{id: \\d+}")
  @Operation(summary = "A form with all its lines")
  public Response get(@Context HttpServletRequest request, @PathParam("id") long id) {
    Caller caller = callers.resolve(request);
    ApplicationForm form = cards.of(applications.getForm(caller, id));
    return Responses.ok(form, form.version());
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = ApplicationForm.class)))
  @PUT
  @Path("{id: \\d+}")
  @Operation(
      summary = "Replace a draft's content",
      description =
          "Send the version read as If-Match (or ?version=); a stale one gets 409. Only drafts"
              + " can be changed.")
  public Response update(
      @Context HttpServletRequest request,
      @PathParam("id") long id,
      @Parameter(description = "ETag of the form as read") @HeaderParam("If-Match") String ifMatch,
      @QueryParam("version") String version,
      FormInput form) {
    Caller caller = callers.resolve(request);
    long expected = Versions.required(ifMatch, Paging.optionalId("version", version));
    ApplicationForm updated = applications.updateDraft(caller, id, Inputs.body(form), expected);
    return Responses.ok(updated, updated.version());
  }

  @ApiResponse(responseCode = "204", description = "Deleted")
  @DELETE
  @Path("{id: \\d+}")
  @Operation(summary = "Delete a draft; submitted forms are cancelled instead")
  public Response delete(
      @Context HttpServletRequest request,
      @PathParam("id") long id,
      @Parameter(description = "ETag of the form as read") @HeaderParam("If-Match") String ifMatch,
      @QueryParam("version") String version) {
    Caller caller = callers.resolve(request);
    applications.deleteDraft(
        caller, id, Versions.required(ifMatch, Paging.optionalId("version", version)));
    return Response.noContent().build();
  }

  @ApiResponse(
      responseCode = "200",
      description = "The submitted form",
      content = @Content(schema = @Schema(implementation = ApplicationForm.class)))
  @ApiResponse(
      responseCode = "409",
      description = "The Idempotency-Key was used for another request, or the form is not a draft")
  @ApiResponse(
      responseCode = "429",
      description = "A frequency limit is reached: wait for Retry-After")
  @POST
  @Path("{id: \\d+}/submit")
  @Operation(
      summary = "Submit a draft for review (送審)",
      description =
          "Checks completeness, the company's verification, frequency limits and the ports'"
              + " rules, then gives the form its number and sends every line to review at every"
              + " access port. Repeating the call with the same Idempotency-Key returns the first"
              + " call's result.")
  public Response submit(
      @Context HttpServletRequest request,
      @PathParam("id") long id,
      @Parameter(
              required = true,
              description = "a key you choose per submission, at most 100 characters")
          @HeaderParam(Inputs.IDEMPOTENCY_KEY)
          String idempotencyKey) {
    Caller caller = callers.resolve(request);
    ApplicationForm form = applications.submit(caller, id, Inputs.idempotencyKey(idempotencyKey));
    return Responses.ok(form, form.version());
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = ApplicationForm.class)))
  @POST
  @Path("{id: \\d+}/cancel")
  @Operation(
      summary = "Cancel every line of a submitted form that can still be cancelled",
      description = "Lines in card production or beyond stay as they are.")
  public Response cancel(@Context HttpServletRequest request, @PathParam("id") long id) {
    Caller caller = callers.resolve(request);
    ApplicationForm form = cards.of(applications.cancelForm(caller, id));
    return Responses.ok(form, form.version());
  }
}
