package org.portpass.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.portpass.storage.DatabaseStatus;

@Component(service = HealthResource.class)
@JaxrsResource
@JSONRequired
@Path("health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "system", description = "Server health and API description")
public class HealthResource {
  private final DatabaseStatus database;

  @Activate
  public HealthResource(@Reference DatabaseStatus database) {
    this.database = database;
  }

  @GET
  @Operation(
      summary = "Health of the server and its database",
      description = "200 with status UP when the database answers, 503 with status DOWN otherwise.")
  public Response health() {
    DatabaseStatus.Report report = database.check();
    Map<String, Object> db = new LinkedHashMap<>();
    db.put("status", report.up() ? "UP" : "DOWN");
    db.put("product", report.product());
    db.put("url", report.url());
    db.put("appliedChangesets", report.appliedChangesets());
    db.put("roundTripMillis", report.roundTripMillis());
    if (report.error() != null) {
      db.put("error", report.error());
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", report.up() ? "UP" : "DOWN");
    body.put("database", db);
    return Response.status(report.up() ? 200 : 503).entity(body).build();
  }
}
