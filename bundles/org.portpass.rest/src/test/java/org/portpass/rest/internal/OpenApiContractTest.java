package org.portpass.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.portpass.rest.ProblemTypes;
import org.portpass.rest.Public;

class OpenApiContractTest {
  record Part(String label) {}

  record Thing(long id, String name, Integer count, Part part) {}

  @Path("things")
  @Produces(MediaType.APPLICATION_JSON)
  public static class ThingResource {
    @GET
    @Operation(summary = "list")
    public List<Thing> list(@QueryParam("page") String page, @QueryParam("size") String size) {
      return List.of();
    }

    @GET
    @Path("{id: \\d+}")
    @Operation(summary = "get")
    @ApiResponse(
        responseCode = "200",
        description = "OK",
        content = @Content(schema = @Schema(implementation = Thing.class)))
    public Response get(@PathParam("id") long id) {
      return Response.ok().build();
    }

    @DELETE
    @Path("{id: \\d+}")
    @Operation(summary = "delete")
    @ApiResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
      return Response.noContent().build();
    }

    @POST
    @Path("open")
    @Public
    @Operation(summary = "open to all")
    @ApiResponse(responseCode = "429", description = "Slow down")
    public Thing open(Thing body) {
      return body;
    }
  }

  @Path("{owner: things|others}/{ownerId: \\d+}/notes")
  @Produces(MediaType.APPLICATION_JSON)
  public static class NoteResource {
    @GET
    @Operation(summary = "notes")
    public List<String> list(
        @Parameter(schema = @Schema(allowableValues = {"things", "others"})) @PathParam("owner")
            String owner,
        @PathParam("ownerId") long ownerId) {
      return List.of();
    }
  }

  private static OpenAPI document() {
    List<Class<?>> classes = List.of(ThingResource.class, NoteResource.class);
    OpenAPI base = new OpenAPI().info(new Info().title("t").version("1"));
    return OpenApiContract.complete(
        new Reader(new SwaggerConfiguration().openAPI(base)).read(new LinkedHashSet<>(classes)),
        classes);
  }

  @Test
  void everyOperationNeedsTheBearerTokenUnlessMarkedPublic() {
    OpenAPI api = document();
    assertEquals("bearer", api.getComponents().getSecuritySchemes().get("bearer").getScheme());
    var list = api.getPaths().get("/things").getGet();
    assertEquals(Set.of("bearer"), list.getSecurity().get(0).keySet());
    assertTrue(list.getResponses().containsKey("401"));
    var open = api.getPaths().get("/things/open").getPost();
    assertEquals(List.of(), open.getSecurity());
    assertFalse(open.getResponses().containsKey("401"));
  }

  @Test
  void errorsAreProblemsAndSuccessesTyped() {
    OpenAPI api = document();
    var get = api.getPaths().get("/things/{id}").getGet();
    assertEquals(
        "#/components/schemas/Problem",
        get.getResponses()
            .get("404")
            .getContent()
            .get(ProblemTypes.MEDIA_TYPE)
            .getSchema()
            .get$ref());
    assertEquals(
        "#/components/schemas/Thing",
        get.getResponses().get("200").getContent().get("application/json").getSchema().get$ref());
    // any other status (a 405 or 414 from the HTTP layer) is documented as a problem too
    assertEquals(
        "#/components/schemas/Problem",
        get.getResponses()
            .get("default")
            .getContent()
            .get(ProblemTypes.MEDIA_TYPE)
            .getSchema()
            .get$ref());
    assertFalse(get.getResponses().containsKey("409"), "a read conflicts with nothing");
    var delete = api.getPaths().get("/things/{id}").getDelete();
    assertNull(delete.getResponses().get("204").getContent(), "204 has no body");
    assertTrue(delete.getResponses().containsKey("409"), "If-Match: a stale version is a 409");
    // declaring an error keeps the returned record as the success body
    var open = api.getPaths().get("/things/open").getPost();
    assertNotNull(open.getResponses().get("200").getContent().get("application/json").getSchema());
    assertNotNull(open.getResponses().get("429").getContent().get(ProblemTypes.MEDIA_TYPE));
    assertTrue(open.getResponses().containsKey("415"));
    assertNotNull(api.getComponents().getSchemas().get("Problem").getProperties().get("errors"));
    assertEquals("Apache-2.0", api.getInfo().getLicense().getName());
  }

  @Test
  void pagingParametersAreIntegersAndOperationIdsUnique() {
    OpenAPI api = document();
    var list = api.getPaths().get("/things").getGet();
    assertEquals("integer", list.getParameters().get(0).getSchema().getType());
    Set<String> ids =
        api.getPaths().values().stream()
            .flatMap(p -> p.readOperations().stream())
            .map(io.swagger.v3.oas.models.Operation::getOperationId)
            .collect(Collectors.toSet());
    assertEquals(
        Set.of("listThing", "get", "delete", "open", "listNoteOfThing", "listNoteOfOther"), ids);
  }

  @Test
  void anEnumeratedFirstSegmentBecomesOneLiteralPathPerValue() {
    OpenAPI api = document();
    assertNull(api.getPaths().get("/{owner}/{ownerId}/notes"));
    var notes = api.getPaths().get("/things/{id}/notes").getGet();
    assertEquals(List.of("id"), notes.getParameters().stream().map(p -> p.getName()).toList());
    assertNotNull(api.getPaths().get("/others/{id}/notes"));
  }

  @Test
  void propertiesAreNullableUnlessRequiredAndReferencesOrNull() {
    io.swagger.v3.oas.models.media.Schema<?> thing =
        document().getComponents().getSchemas().get("Thing");
    java.util.Map<String, io.swagger.v3.oas.models.media.Schema> properties = thing.getProperties();
    assertTrue(properties.get("name").getNullable());
    assertTrue(properties.get("count").getNullable());
    io.swagger.v3.oas.models.media.Schema<?> part = properties.get("part");
    assertNull(part.get$ref(), "3.0 ignores the siblings of a $ref");
    assertEquals("#/components/schemas/Part", part.getAnyOf().get(0).get$ref());
    io.swagger.v3.oas.models.media.Schema<?> none = part.getAnyOf().get(1);
    assertTrue(none.getNullable());
    assertEquals(java.util.Collections.singletonList(null), none.getEnum());
    String served = io.swagger.v3.core.util.Json.pretty(part);
    assertTrue(served.replaceAll("\\s", "").contains("\"enum\":[null]"), served);
  }
}
