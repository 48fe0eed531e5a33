package org.portpass.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.portpass.core.PortPassException;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.Public;
import org.portpass.storage.DatabaseFailures;
import org.portpass.storage.DatabaseStatus;
import org.portpass.storage.SchemaReady;

/**
 * UP when the database answers, every capability this node must serve has its schema ready and the
 * JAX-RS whiteboard serves every resource, so a load balancer or a start script can wait on it.
 */
@Component(service = HealthResource.class, configurationPid = "org.portpass.health")
@Designate(ocd = HealthResource.Config.class)
@JaxrsResource
@JSONRequired
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "system", description = "Server health and API description")
public class HealthResource {

  @ObjectClassDefinition(name = "PortPass health")
  public @interface Config {
    @AttributeDefinition(description = "Capabilities whose schema must be ready for UP")
    String[] requiredCapabilities() default {"application", "audit", "auth", "card", "registry"};
  }

  private final DatabaseStatus database;
  private final Set<String> ready = ConcurrentHashMap.newKeySet();
  private volatile List<String> required;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile CallerResolver callers;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile JaxrsServiceRuntime runtime;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile ServiceComponentRuntime components;

  private final DeployedResources resources;

  @Activate
  public HealthResource(@Reference DatabaseStatus database, Config config, BundleContext context) {
    this.database = database;
    this.resources = new DeployedResources(context);
    modified(config);
  }

  @Deactivate
  void deactivate() {
    resources.close();
  }

  @Modified
  void modified(Config config) {
    // a list written as one comma-separated value (as a feature's configuration gives it) counts
    required =
        Stream.of(config.requiredCapabilities())
            .flatMap(value -> Stream.of(value.split(",")))
            .map(String::strip)
            .filter(unit -> !unit.isEmpty())
            .toList();
  }

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addSchema(SchemaReady schema) {
    ready.add(schema.unit());
  }

  void removeSchema(SchemaReady schema) {
    ready.remove(schema.unit());
  }

  @Public
  @ApiResponse(
      responseCode = "200",
      description = "UP",
      content = @Content(schema = @Schema(implementation = HealthReport.class)))
  @ApiResponse(
      responseCode = "503",
      description = "DOWN",
      content = @Content(schema = @Schema(implementation = HealthReport.class)))
  @GET
  @Operation(
      summary = "Health of the server and its database",
      description =
          "200 with status UP when the database answers, every capability is ready, Karaf"
              + " has started every boot feature and every resource is served, 503 with status DOWN otherwise. Anonymous callers get the status alone; an administrator"
              + " (signed in) also gets the database and capability details.")
  public Response health(@Context HttpServletRequest request) {
    DatabaseStatus.Report report = database.check();
    long notServed = resources.notServed(runtime);
    long waiting = DeployedResources.waiting(components);
    boolean booted = resources.bootFinished();
    boolean up =
        report.up() && ready.containsAll(required) && notServed == 0 && waiting == 0 && booted;
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "UP" : "DOWN");
    if (isAdministrator(request)) {
      body.put("database", details(report));
      body.put("capabilities", new TreeSet<>(ready));
      body.put("resourcesNotServed", notServed);
      body.put("resourcesWaiting", waiting);
      body.put("bootFinished", booted);
    }
    return Response.status(up ? 200 : 503).entity(body).build();
  }

  /**
   * The JDBC URL and the database's error text help an attacker: only a signed-in administrator
   * sees them (and the shell's portpass:db-status). A bad token is not an error here.
   */
  private boolean isAdministrator(HttpServletRequest request) {
    CallerResolver resolver = callers;
    if (resolver == null || request.getHeader("Authorization") == null) {
      return false;
    }
    try {
      return resolver.resolve(request).isAdmin();
    } catch (PortPassException e) {
      return false;
    } catch (RuntimeException e) {
      if (DatabaseFailures.unavailable(e)) {
        return false; // a token check needs the database: the status alone, DOWN
      }
      throw e;
    }
  }

  private static Map<String, Object> details(DatabaseStatus.Report report) {
    Map<String, Object> db = new LinkedHashMap<>();
    db.put("status", report.up() ? "UP" : "DOWN");
    db.put("product", report.product());
    db.put("url", report.url());
    db.put("appliedChangesets", report.appliedChangesets());
    db.put("roundTripMillis", report.roundTripMillis());
    if (report.error() != null) {
      db.put("error", report.error());
    }
    return db;
  }
}
