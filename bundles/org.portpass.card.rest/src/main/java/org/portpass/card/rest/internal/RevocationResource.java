package org.portpass.card.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.portpass.card.gate.RevocationService;
import org.portpass.card.gate.RevocationStatus;
import org.portpass.core.Caller;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.LiveServices;
import org.portpass.rest.Paging;

@Component(service = RevocationResource.class)
@JaxrsResource
@JSONRequired
@Path("revocations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
    name = "gates",
    description =
        "The signed revocation list (註銷清單) for offline gates, and gate passage records (進出紀錄)")
public class RevocationResource {
  static final String TEXT = "text/plain; charset=utf-8";
  private final LiveServices services;
  private final RevocationService revocations;
  private final CallerResolver callers;

  @Activate
  public RevocationResource(BundleContext context, @Reference CallerResolver callers) {
    this.services = new LiveServices(context);
    this.revocations = services.of(RevocationService.class);
    this.callers = callers;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @GET
  @Produces(TEXT)
  @Operation(
      summary = "The signed revocation list, or its changes after a version",
      description =
          "Without since: every pass and card gates must refuse (PPRL1 list). With since=N: the"
              + " entries added and removed after version N (PPRL1 changes). Both are text signed"
              + " with the pass-code key (GET /pass-codes/key); the format is in docs/gates.md."
              + " The full list is sent gzip-compressed to clients that accept gzip. Port staff"
              + " and administrators.")
  @ApiResponse(
      responseCode = "200",
      description = "The signed text",
      content = @Content(mediaType = "text/plain", schema = @Schema(type = "string")))
  public Response list(
      @Context HttpServletRequest request,
      @Parameter(description = "a version of the list, e.g. 42") @QueryParam("since")
          String since) {
    Caller caller = callers.resolve(request);
    Long version = Paging.optionalId("since", since);
    if (version != null) {
      return Response.ok(revocations.changesSince(caller, version), TEXT).build();
    }
    String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
    if (accepted != null && accepted.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
      return Response.ok(revocations.fullListGzip(caller), TEXT)
          .header(HttpHeaders.CONTENT_ENCODING, "gzip")
          .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
          .build();
    }
    return Response.ok(revocations.fullList(caller), TEXT)
        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING)
        .build();
  }

  @GET
  @Path("status")
  @Operation(
      summary = "The revocation list's version, when it was made, and its number of entries",
      description = "Port staff and administrators.")
  public RevocationStatus status(@Context HttpServletRequest request) {
    return revocations.status(callers.resolve(request));
  }
}
