package org.portpass.auth.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.portpass.core.AuditEvent;
import org.portpass.core.AuditLog;
import org.portpass.core.AuditQuery;
import org.portpass.core.Page;
import org.portpass.core.ValidationException;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.LiveServices;
import org.portpass.rest.Paging;

/** The audit trail, read-only: there is no endpoint that changes or removes an event. */
@Component(service = AuditResource.class)
@JaxrsResource
@JSONRequired
@Path("audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "audit", description = "The append-only audit trail (administrators, customer service)")
public class AuditResource {
  /** Times the database (and java.util.Date) can hold; Instant.parse takes far more. */
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");

  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final LiveServices services;
  private final AuditLog audit;
  private final CallerResolver callers;

  @Activate
  public AuditResource(BundleContext context, @Reference CallerResolver callers) {
    this.services = new LiveServices(context);
    this.audit = services.of(AuditLog.class);
    this.callers = callers;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @GET
  @Operation(
      summary = "Audit events, newest first, filtered by actor, action prefix, entity and time")
  public Page<AuditEvent> find(
      @Context HttpServletRequest request,
      @QueryParam("actor") String actor,
      @QueryParam("action") String action,
      @QueryParam("entityType") String entityType,
      @QueryParam("entityId") String entityId,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return audit.find(
        callers.resolve(request),
        new AuditQuery(
            blank(actor),
            blank(action),
            blank(entityType),
            blank(entityId),
            time("from", from),
            time("to", to)),
        Paging.of(page, size));
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Instant time(String field, String value) {
    if (blank(value) == null) {
      return null;
    }
    Instant time;
    try {
      time = Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ValidationException.of(field, "time", "must be a time like 2026-11-27T09:00:00Z");
    }
    if (time.isBefore(EARLIEST) || time.isAfter(LATEST)) {
      throw ValidationException.of(
          field, "time-range", "must be a time between the years 1 and 9999");
    }
    return time;
  }
}
