package org.portpass.rest.internal;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.osgi.util.tracker.ServiceTracker;
import org.portpass.rest.Public;

/**
 * The OpenAPI 3 document of every resource currently registered with the whiteboard, generated from
 * their JAX-RS and OpenAPI annotations, so it follows bundles as they come and go.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@Path("openapi.json")
@Tag(name = "system")
public class OpenApiResource {
  private final ServiceTracker<Object, Class<?>> resources;

  /** Resources register under their own class, so they are tracked by property, not by type. */
  @Activate
  public OpenApiResource(BundleContext context) throws InvalidSyntaxException {
    resources =
        new ServiceTracker<>(
            context,
            context.createFilter(
                "(&(osgi.jaxrs.resource=true)(!(component.name=" + getClass().getName() + ")))"),
            null) {
          @Override
          public Class<?> addingService(ServiceReference<Object> reference) {
            Object service = context.getService(reference);
            return service == null ? null : service.getClass();
          }

          @Override
          public void removedService(ServiceReference<Object> reference, Class<?> type) {
            context.ungetService(reference);
          }
        };
    resources.open(true);
  }

  @Deactivate
  void deactivate() {
    resources.close();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Public
  @Operation(summary = "The OpenAPI 3 description of this API")
  @ApiResponse(
      responseCode = "200",
      description = "The document",
      content = @Content(schema = @Schema(type = "object")))
  public Response document() throws Exception {
    OpenAPI base =
        new OpenAPI()
            .info(
                new Info()
                    .title("PortPass API")
                    .version("1")
                    .description("Port-area pass system: registry, applications, review, cards."))
            .servers(List.of(new Server().url("/api/v1")));
    List<Class<?>> classes = sorted();
    Reader reader = new Reader(new SwaggerConfiguration().openAPI(base));
    OpenAPI api = OpenApiContract.complete(reader.read(new LinkedHashSet<>(classes)), classes);
    return Response.ok(Json.pretty(api), MediaType.APPLICATION_JSON).build();
  }

  private List<Class<?>> sorted() {
    // this resource does not track itself: its service is being registered while it activates
    return Stream.concat(resources.getTracked().values().stream(), Stream.of(getClass()))
        .distinct()
        .sorted(Comparator.comparing(Class::getName))
        .toList();
  }
}
