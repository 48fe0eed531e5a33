package org.portpass.card.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.portpass.card.CardService;
import org.portpass.card.PassCode;
import org.portpass.card.Verification;
import org.portpass.core.ValidationException;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.LiveServices;

@Component(service = PassCodeResource.class)
@JaxrsResource
@JSONRequired
@Path("pass-codes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "pass codes", description = "What a gate asks: is this card valid here today?")
public class PassCodeResource {
  private static final Pattern PASS_CODE =
      Pattern.compile("PP1\\.[A-Za-z0-9_-]{1,1200}\\.[A-Za-z0-9_-]{1,200}");
  private static final Pattern PORT = Pattern.compile("[A-Za-z]{3}");
  private final LiveServices services;
  private final CardService cards;
  private final CallerResolver callers;

  @Activate
  public PassCodeResource(BundleContext context, @Reference CallerResolver callers) {
    this.services = new LiveServices(context);
    this.cards = services.of(CardService.class);
    this.callers = callers;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @POST
  @Path("verify")
  @Operation(
      summary = "Check a scanned pass code",
      description =
          "valid, or the reason it is not: format, signature, unknown-pass, card-void, status,"
              + " not-collected, not-yet-valid, expired, port. Text that is not shaped like a pass code gets 400."
              + " Any signed-in account may ask.")
  public Verification verify(@Context HttpServletRequest request, Bodies.VerifyRequest body) {
    callers.resolve(request);
    Bodies.VerifyRequest checked = Bodies.body(body);
    // what is not shaped like a pass code is a bad request; a well-formed one gets an answer
    if (checked.payload() == null || !PASS_CODE.matcher(checked.payload().strip()).matches()) {
      throw ValidationException.of(
          "payload", "pass-code", "must be a scanned PortPass pass code, PP1.<data>.<signature>");
    }
    if (checked.port() != null && !PORT.matcher(checked.port()).matches()) {
      throw ValidationException.of(
          "port", "port-code", "must be a port code such as KEL, or absent");
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
