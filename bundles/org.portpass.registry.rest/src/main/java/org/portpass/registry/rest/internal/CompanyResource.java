package org.portpass.registry.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
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
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.core.ValidationException;
import org.portpass.registry.Company;
import org.portpass.registry.CompanyChanges;
import org.portpass.registry.CompanyService;
import org.portpass.registry.NewCompany;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.LiveServices;
import org.portpass.rest.Paging;
import org.portpass.rest.Responses;
import org.portpass.rest.Versions;

@Component(service = CompanyResource.class)
@JaxrsResource
@JSONRequired
@Path(CompanyResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "companies", description = "Companies (業者): created and verified by customer service")
public class CompanyResource {
  static final String PATH = "companies";

  private final LiveServices services;
  private final CompanyService companies;
  private final CallerResolver callers;

  @Activate
  public CompanyResource(BundleContext context, @Reference CallerResolver callers) {
    this.services = new LiveServices(context);
    this.companies = services.of(CompanyService.class);
    this.callers = callers;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @GET
  @Operation(
      summary = "List companies",
      description =
          "Optionally filtered by part of the name or tax ID (q) or by the exact tax ID (taxId).")
  public Page<Company> list(
      @Context HttpServletRequest request,
      @QueryParam("q") String text,
      @Parameter(description = "the exact tax ID (統一編號)") @QueryParam("taxId") String taxId,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return companies.list(callers.resolve(request), text, taxId, Paging.of(page, size));
  }

  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = Company.class)))
  @ApiResponse(responseCode = "409", description = "A company with this tax ID exists")
  @POST
  @Operation(summary = "Create a company (customer service); it starts as PENDING")
  public Response create(@Context HttpServletRequest request, NewCompany company) {
    Caller caller = callers.resolve(request);
    Company created = companies.create(caller, company);
    return Responses.created(PATH, created.id(), created, created.version());
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = Company.class)))
  @GET
  @Path("{id: \\d+}")
  @Operation(summary = "A company by id")
  public Response get(@Context HttpServletRequest request, @PathParam("id") long id) {
    Caller caller = callers.resolve(request);
    Company company = companies.get(caller, id);
    return Responses.ok(company, company.version());
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = Company.class)))
  @PATCH
  @Path("{id: \\d+}")
  @Operation(
      summary = "Change a company",
      description =
          "Omitted fields stay as they are. The company administrator may change phone, address,"
              + " industry and contacts; name and tax ID are for customer service. Send the"
              + " version read (If-Match or version); a stale one gets 409.")
  public Response update(
      @Context HttpServletRequest request,
      @PathParam("id") long id,
      @Parameter(description = "ETag of the company as read") @HeaderParam("If-Match")
          String ifMatch,
      CompanyChanges changes) {
    Caller caller = callers.resolve(request);
    long version = Versions.required(ifMatch, changes.version());
    Company updated =
        companies.update(
            caller,
            id,
            new CompanyChanges(
                changes.name(),
                changes.nameEn(),
                changes.taxId(),
                changes.address(),
                changes.phone(),
                changes.industry(),
                changes.contacts(),
                version));
    return Responses.ok(updated, updated.version());
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = Company.class)))
  @POST
  @Path("{id: \\d+}/verify")
  @Operation(summary = "Verify a company (customer service); its accounts may then submit forms")
  public Response verify(@Context HttpServletRequest request, @PathParam("id") long id) {
    Caller caller = callers.resolve(request);
    Company company = companies.verify(caller, id);
    return Responses.ok(company, company.version());
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = Company.class)))
  @POST
  @Path("{id: \\d+}/suspend")
  @Operation(summary = "Suspend a company (customer service), with a reason")
  public Response suspend(
      @Context HttpServletRequest request, @PathParam("id") long id, ReasonRequest body) {
    Caller caller = callers.resolve(request);
    if (body == null) {
      throw ValidationException.required("reason");
    }
    Company company = companies.suspend(caller, id, body.reason());
    return Responses.ok(company, company.version());
  }
}
