package org.portpass.rest.internal;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The OpenAPI 3 document of every resource currently registered with the whiteboard, generated from
 * their JAX-RS and OpenAPI annotations, so it follows bundles as they come and go.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@Path("openapi.json")
@Tag(name = "system")
public class OpenApiResource {
  private final Set<Class<?>> resources = ConcurrentHashMap.newKeySet();

  @Reference(
      service = Object.class,
      target = "(osgi.jaxrs.resource=true)",
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC)
  void addResource(Object resource) {
    resources.add(resource.getClass());
  }

  void removeResource(Object resource) {
    resources.remove(resource.getClass());
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The OpenAPI 3 description of this API")
  public Response document() throws Exception {
    OpenAPI base =
        new OpenAPI()
            .info(
                new Info()
                    .title("PortPass API")
                    .version("1")
                    .description("Port-area pass system: registry, applications, review, cards."))
            .servers(List.of(new Server().url("/api/v1")));
    Reader reader = new Reader(new SwaggerConfiguration().openAPI(base));
    OpenAPI api = reader.read(new LinkedHashSet<>(sorted()));
    return Response.ok(Json.pretty(api), MediaType.APPLICATION_JSON).build();
  }

  private List<Class<?>> sorted() {
    return resources.stream().sorted(java.util.Comparator.comparing(Class::getName)).toList();
  }
}
