package org.portpass.registry.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
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
import org.portpass.registry.Employment;
import org.portpass.registry.Person;
import org.portpass.registry.PersonData;
import org.portpass.registry.PersonQuery;
import org.portpass.registry.PersonService;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.LiveServices;
import org.portpass.rest.Paging;
import org.portpass.rest.Responses;
import org.portpass.rest.Versions;

@Component(service = PersonResource.class)
@JaxrsResource
@JSONRequired
@Path(PersonResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "persons", description = "Persons (人員), identified by their identity number")
public class PersonResource {
  static final String PATH = "persons";

  private final LiveServices services;
  private final PersonService persons;
  private final CallerResolver callers;

  @Activate
  public PersonResource(BundleContext context, @Reference CallerResolver callers) {
    this.services = new LiveServices(context);
    this.persons = services.of(PersonService.class);
    this.callers = callers;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @GET
  @Operation(summary = "Search persons by identity number, by name, by company")
  public Page<Person> search(
      @Context HttpServletRequest request,
      @QueryParam("identityNumber") String identityNumber,
      @QueryParam("name") String name,
      @QueryParam("companyId") String companyId,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return persons.search(
        callers.resolve(request),
        new PersonQuery(identityNumber, name, Paging.optionalId("companyId", companyId)),
        Paging.of(page, size));
  }

  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = Person.class)))
  @POST
  @Operation(
      summary = "Register a person",
      description = "A company account's own company is filled in automatically.")
  public Response create(@Context HttpServletRequest request, PersonData person) {
    Caller caller = callers.resolve(request);
    Person created = persons.create(caller, person);
    return Responses.created(PATH, created.id(), created, created.version());
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = Person.class)))
  @GET
  @Path("{id: \\d+}")
  @Operation(summary = "A person by id")
  public Response get(@Context HttpServletRequest request, @PathParam("id") long id) {
    Caller caller = callers.resolve(request);
    Person person = persons.get(caller, id);
    return Responses.ok(person, person.version());
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = Person.class)))
  @PUT
  @Path("{id: \\d+}")
  @Operation(summary = "Change a person's data (not the company: use transfer)")
  public Response update(
      @Context HttpServletRequest request,
      @PathParam("id") long id,
      @HeaderParam("If-Match") String ifMatch,
      PersonData data) {
    Caller caller = callers.resolve(request);
    long version = Versions.required(ifMatch, data.version());
    Person updated =
        persons.update(
            caller,
            id,
            new PersonData(
                data.identityKind(),
                data.identityNumber(),
                data.nationality(),
                data.nameZh(),
                data.nameEn(),
                data.birthDate(),
                data.phone(),
                data.companyId(),
                version));
    return Responses.ok(updated, updated.version());
  }

  @ApiResponse(responseCode = "204", description = "Deleted")
  @ApiResponse(
      responseCode = "409",
      description = "The person is on an application still in flight, or the version is stale")
  @DELETE
  @Path("{id: \\d+}")
  @Operation(summary = "Delete a person and their attachments; refused while on an application")
  public Response delete(
      @Context HttpServletRequest request,
      @PathParam("id") long id,
      @HeaderParam("If-Match") String ifMatch,
      @QueryParam("version") String version) {
    Caller caller = callers.resolve(request);
    persons.delete(caller, id, Versions.required(ifMatch, Paging.optionalId("version", version)));
    return Response.noContent().build();
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = Person.class)))
  @POST
  @Path("{id: \\d+}/transfer")
  @Operation(
      summary = "Move a person to another company",
      description = "Data and attachments stay with the person; the employment history records it.")
  public Response transfer(
      @Context HttpServletRequest request,
      @PathParam("id") long id,
      @HeaderParam("If-Match") String ifMatch,
      TransferRequest body) {
    Caller caller = callers.resolve(request);
    if (body == null || body.companyId() == null) {
      throw ValidationException.required("companyId");
    }
    Person moved =
        persons.transfer(caller, id, body.companyId(), Versions.required(ifMatch, body.version()));
    return Responses.ok(moved, moved.version());
  }

  @GET
  @Path("{id: \\d+}/employments")
  @Operation(summary = "A person's employment history, oldest first")
  public List<Employment> employments(
      @Context HttpServletRequest request, @PathParam("id") long id) {
    return persons.employmentHistory(callers.resolve(request), id);
  }
}
