package org.portpass.registry.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.EntityTag;
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
import org.portpass.core.Caller;
import org.portpass.core.Dates;
import org.portpass.core.TooLargeException;
import org.portpass.core.ValidationException;
import org.portpass.registry.Attachment;
import org.portpass.registry.AttachmentContent;
import org.portpass.registry.AttachmentService;
import org.portpass.registry.AttachmentType;
import org.portpass.registry.NewAttachment;
import org.portpass.registry.OwnerKind;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.LiveServices;

/**
 * Attachments of companies, persons and vehicles. The upload body is the file itself; its type is
 * checked from its bytes by the service. Content is addressed by id only.
 */
@Component(service = AttachmentResource.class)
@JaxrsResource
@JSONRequired
@Path("{owner: companies|persons|vehicles}/{ownerId: \\d+}/attachments")
@Tag(name = "attachments", description = "Files attached to companies, persons and vehicles")
public class AttachmentResource {
  /** Read no more than this from a request body, whatever the configured limit. */
  private static final int HARD_LIMIT = 32 * 1024 * 1024;

  private final LiveServices services;
  private final AttachmentService attachments;
  private final CallerResolver callers;

  @Activate
  public AttachmentResource(BundleContext context, @Reference CallerResolver callers) {
    this.services = new LiveServices(context);
    this.attachments = services.of(AttachmentService.class);
    this.callers = callers;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "List the attachments of a company, person or vehicle")
  public List<Attachment> list(
      @Context HttpServletRequest request,
      @Parameter(schema = @Schema(allowableValues = {"companies", "persons", "vehicles"}))
          @PathParam("owner")
          String owner,
      @PathParam("ownerId") long ownerId) {
    return attachments.list(callers.resolve(request), kind(owner), ownerId);
  }

  @RequestBody(
      required = true,
      description = "The file itself",
      content = {
        @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
        @Content(
            mediaType = "application/pdf",
            schema = @Schema(type = "string", format = "binary")),
        @Content(
            mediaType = "application/octet-stream",
            schema = @Schema(type = "string", format = "binary"))
      })
  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = Attachment.class)))
  @ApiResponse(responseCode = "413", description = "The file is larger than the limit")
  @POST
  @Consumes({"image/jpeg", "image/png", "application/pdf", MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Upload an attachment",
      description =
          "The body is the file (JPEG, PNG or PDF). type is one of the attachment types; the"
              + " content type is detected from the bytes and must agree with Content-Type.")
  public Response upload(
      @Context HttpServletRequest request,
      @Parameter(schema = @Schema(allowableValues = {"companies", "persons", "vehicles"}))
          @PathParam("owner")
          String owner,
      @PathParam("ownerId") long ownerId,
      @QueryParam("type") String type,
      @QueryParam("fileName") String fileName,
      @QueryParam("validUntil") String validUntil,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body)
      throws IOException {
    Caller caller = callers.resolve(request); // before reading a body of up to 32 MiB
    NewAttachment upload =
        new NewAttachment(type(type), fileName, contentType, date(validUntil), read(body));
    Attachment stored = attachments.upload(caller, kind(owner), ownerId, upload);
    return Response.created(URI.create(owner + "/" + ownerId + "/attachments/" + stored.id()))
        .type(MediaType.APPLICATION_JSON)
        .entity(stored)
        .build();
  }

  @GET
  @Path("{attachmentId: \\d+}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "An attachment's metadata")
  public Attachment get(
      @Context HttpServletRequest request,
      @Parameter(schema = @Schema(allowableValues = {"companies", "persons", "vehicles"}))
          @PathParam("owner")
          String owner,
      @PathParam("ownerId") long ownerId,
      @PathParam("attachmentId") long attachmentId) {
    return attachments.get(callers.resolve(request), kind(owner), ownerId, attachmentId);
  }

  @ApiResponse(
      responseCode = "200",
      description = "The file",
      content = {
        @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
        @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
        @Content(
            mediaType = "application/pdf",
            schema = @Schema(type = "string", format = "binary"))
      })
  @GET
  @Path("{attachmentId: \\d+}/content")
  @Produces({"image/jpeg", "image/png", "application/pdf"})
  @Operation(summary = "Download an attachment's file")
  public Response content(
      @Context HttpServletRequest request,
      @Parameter(schema = @Schema(allowableValues = {"companies", "persons", "vehicles"}))
          @PathParam("owner")
          String owner,
      @PathParam("ownerId") long ownerId,
      @PathParam("attachmentId") long attachmentId) {
    AttachmentContent content =
        attachments.content(callers.resolve(request), kind(owner), ownerId, attachmentId);
    Attachment meta = content.attachment();
    String encoded = URLEncoder.encode(meta.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
    return Response.ok(content.bytes(), meta.contentType())
        .tag(new EntityTag(meta.sha256()))
        .header(
            "Content-Disposition",
            "attachment; filename=\"attachment\"; filename*=UTF-8''" + encoded)
        .header("Cache-Control", "private, no-store")
        .build();
  }

  @ApiResponse(responseCode = "204", description = "Deleted")
  @DELETE
  @Path("{attachmentId: \\d+}")
  @Operation(summary = "Delete an attachment")
  public Response delete(
      @Context HttpServletRequest request,
      @Parameter(schema = @Schema(allowableValues = {"companies", "persons", "vehicles"}))
          @PathParam("owner")
          String owner,
      @PathParam("ownerId") long ownerId,
      @PathParam("attachmentId") long attachmentId) {
    attachments.delete(callers.resolve(request), kind(owner), ownerId, attachmentId);
    return Response.noContent().build();
  }

  private static OwnerKind kind(String owner) {
    return switch (owner) {
      case "companies" -> OwnerKind.COMPANY;
      case "persons" -> OwnerKind.PERSON;
      default -> OwnerKind.VEHICLE;
    };
  }

  private static AttachmentType type(String type) {
    if (type == null || type.isBlank()) {
      throw ValidationException.of(
          "type",
          "required-one-of",
          "is required, one of " + List.of(AttachmentType.values()),
          List.of(AttachmentType.values()));
    }
    try {
      return AttachmentType.valueOf(type.strip().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw ValidationException.oneOf("type", List.of(AttachmentType.values()));
    }
  }

  private static LocalDate date(String value) {
    return Dates.parse("validUntil", value);
  }

  private static byte[] read(InputStream body) throws IOException {
    if (body == null) {
      return new byte[0];
    }
    byte[] bytes = body.readNBytes(HARD_LIMIT + 1);
    if (bytes.length > HARD_LIMIT) {
      throw new TooLargeException(
          "the file is larger than " + HARD_LIMIT + " bytes", "file-over", HARD_LIMIT);
    }
    return bytes;
  }
}
