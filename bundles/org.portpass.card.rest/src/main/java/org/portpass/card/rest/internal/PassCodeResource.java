package org.portpass.card.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Base64;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.portpass.card.CardService;
import org.portpass.card.PassCode;
import org.portpass.card.Verification;
import org.portpass.core.ValidationException;
import org.portpass.rest.CallerResolver;

@Component(service = PassCodeResource.class)
@JaxrsResource
@JSONRequired
@Path("pass-codes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pass codes", description = "What a gate asks: is this card valid here today?")
public class PassCodeResource {
  private final CardService cards;
  private final CallerResolver callers;

  @Activate
  public PassCodeResource(@Reference CardService cards, @Reference CallerResolver callers) {
    this.cards = cards;
    this.callers = callers;
  }

  @POST
  @Path("verify")
  @Operation(
      summary = "Check a scanned pass code",
      description =
          "valid, or the reason it is not: format, signature, unknown-pass, card-void, status,"
              + " not-yet-valid, expired, port. Any signed-in account may ask.")
  public Verification verify(@Context HttpServletRequest request, Bodies.VerifyRequest body) {
    callers.resolve(request);
    Bodies.VerifyRequest checked = Bodies.body(body);
    if (checked.payload() == null || checked.payload().length() > 2000) {
      throw new ValidationException(
          "payload", "is required, the scanned text (at most 2000 characters)");
    }
    return cards.verify(checked.payload(), checked.port());
  }

  @GET
  @Path("key")
  @Operation(
      summary = "The public key that verifies pass codes offline",
      description = "Ed25519, X.509 SubjectPublicKeyInfo in base64; gates cache it.")
  public Bodies.VerificationKey key(@Context HttpServletRequest request) {
    callers.resolve(request);
    return new Bodies.VerificationKey(
        PassCode.ALGORITHM,
        Base64.getEncoder().encodeToString(cards.verificationKey().getEncoded()));
  }
}
