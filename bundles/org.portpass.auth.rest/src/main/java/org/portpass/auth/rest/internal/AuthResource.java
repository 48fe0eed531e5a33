package org.portpass.auth.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.portpass.auth.Account;
import org.portpass.auth.AccountService;
import org.portpass.auth.AuthenticationService;
import org.portpass.auth.Completion;
import org.portpass.auth.LoginResult;
import org.portpass.auth.Registration;
import org.portpass.core.Caller;
import org.portpass.core.Role;
import org.portpass.core.ValidationException;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.ClientAddresses;
import org.portpass.rest.LiveServices;
import org.portpass.rest.Public;
import org.portpass.rest.RequestIds;

@Component(service = AuthResource.class)
@JaxrsResource
@JSONRequired
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "auth", description = "Login (direct and MTNet), logout, registration, own password")
public class AuthResource {
  /** Body of a direct login. */
  public record Credentials(String username, String password) {}

  /** Body of an external login: the identity provider's signed assertion. */
  public record ExternalAssertion(String assertion) {}

  /** Who a token stands for. */
  public record Me(String username, Set<Role> roles, Long companyId, Set<String> ports) {}

  /** Body of a password change. */
  public record PasswordChange(String currentPassword, String newPassword) {}

  private final LiveServices services;
  private final AuthenticationService authentication;
  private final AccountService accounts;
  private final CallerResolver callers;
  private final ClientAddresses clients;

  @Activate
  public AuthResource(
      BundleContext context,
      @Reference CallerResolver callers,
      @Reference ClientAddresses clients) {
    this.services = new LiveServices(context);
    this.authentication = services.of(AuthenticationService.class);
    this.accounts = services.of(AccountService.class);
    this.callers = callers;
    this.clients = clients;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @ApiResponse(responseCode = "401", description = "The user name or password is not right")
  @Public
  @ApiResponse(responseCode = "429", description = "Too many failed logins: wait for Retry-After")
  @POST
  @Path("login")
  @Operation(
      summary = "Log in with user name and password",
      description = "Returns a bearer token to send as Authorization: Bearer <token>.")
  public LoginResult login(@Context HttpServletRequest request, Credentials body) {
    if (body == null) {
      throw ValidationException.required("username");
    }
    return authentication.login(
        body.username(), body.password(), clients.of(request), requestId(request));
  }

  @ApiResponse(responseCode = "401", description = "The assertion does not verify")
  @ApiResponse(responseCode = "429", description = "Too many failed logins: wait for Retry-After")
  @Public
  @POST
  @Path("external/{provider}")
  @Operation(
      summary = "Log in through an external identity provider such as MTNet",
      description =
          "When the identity is not linked to an account yet, or the account lacks data, the"
              + " answer has no token but lists what is missing and a completionToken for"
              + " POST /auth/external/complete.")
  public LoginResult external(
      @Context HttpServletRequest request,
      @PathParam("provider") String provider,
      ExternalAssertion body) {
    if (body == null || body.assertion() == null) {
      throw ValidationException.required("assertion");
    }
    return authentication.loginExternal(
        provider, body.assertion(), clients.of(request), requestId(request));
  }

  @ApiResponse(
      responseCode = "401",
      description = "The completion token or the password is not right")
  @ApiResponse(responseCode = "429", description = "Too many failed logins: wait for Retry-After")
  @Public
  @POST
  @Path("external/complete")
  @Operation(
      summary = "Complete an external login",
      description =
          "Either link an existing account (username and password) or create the company's"
              + " account (username, displayName, phone, companyTaxId, companyName if new).")
  public LoginResult complete(@Context HttpServletRequest request, Completion body) {
    if (body == null) {
      throw ValidationException.required("completionToken");
    }
    return authentication.complete(body, clients.of(request), requestId(request));
  }

  @ApiResponse(responseCode = "204", description = "The token is revoked")
  @POST
  @Path("logout")
  @Operation(summary = "Log out: the token stops working at once on every server")
  public Response logout(@Context HttpServletRequest request) {
    authentication.logout(TokenCallerResolver.bearer(request));
    return Response.noContent().build();
  }

  @GET
  @Path("me")
  @Operation(summary = "Who the token stands for")
  public Me me(@Context HttpServletRequest request) {
    Caller caller = callers.resolve(request);
    return new Me(caller.username(), caller.roles(), caller.companyId(), caller.ports());
  }

  @Public
  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = Account.class)))
  @ApiResponse(
      responseCode = "409",
      description = "The user name is taken, or the company already has accounts")
  @POST
  @Path("register")
  @Operation(
      summary = "A company applies for its first account",
      description =
          "Creates the company's administrator account; an unknown company is registered as"
              + " PENDING until customer service verifies it.")
  public Response register(@Context HttpServletRequest request, Registration body) {
    if (body == null) {
      throw ValidationException.required("username");
    }
    Account created = accounts.register(body, clients.of(request));
    return Response.created(URI.create("accounts/" + created.id())).entity(created).build();
  }

  @ApiResponse(responseCode = "204", description = "The new password is set")
  @POST
  @Path("password")
  @Operation(summary = "Change your own password")
  public Response changePassword(@Context HttpServletRequest request, PasswordChange body) {
    Caller caller = callers.resolve(request);
    if (body == null) {
      throw ValidationException.required("newPassword");
    }
    accounts.changePassword(caller, body.currentPassword(), body.newPassword());
    return Response.noContent().build();
  }

  private static String requestId(HttpServletRequest request) {
    return RequestIds.of(request);
  }
}
