package org.portpass.auth.rest.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
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
import org.portpass.auth.AccountChanges;
import org.portpass.auth.AccountService;
import org.portpass.auth.NewAccount;
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.core.ValidationException;
import org.portpass.rest.CallerResolver;
import org.portpass.rest.LiveServices;
import org.portpass.rest.Paging;
import org.portpass.rest.Responses;
import org.portpass.rest.Versions;

@Component(service = AccountResource.class)
@JaxrsResource
@JSONRequired
@Path("accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "accounts", description = "Accounts and roles")
public class AccountResource {
  /** Body of a password reset by an administrator. */
  public record PasswordReset(String password) {}

  private final LiveServices services;
  private final AccountService accounts;
  private final CallerResolver callers;

  @Activate
  public AccountResource(BundleContext context, @Reference CallerResolver callers) {
    this.services = new LiveServices(context);
    this.accounts = services.of(AccountService.class);
    this.callers = callers;
  }

  @Deactivate
  void deactivate() {
    services.close();
  }

  @GET
  @Operation(
      summary = "Accounts you manage (administrators: all; company administrators: your company's)")
  public Page<Account> list(
      @Context HttpServletRequest request,
      @QueryParam("q") String text,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    return accounts.list(callers.resolve(request), text, Paging.of(page, size));
  }

  @ApiResponse(
      responseCode = "201",
      description = "Created",
      content = @Content(schema = @Schema(implementation = Account.class)))
  @ApiResponse(responseCode = "409", description = "The user name is taken")
  @POST
  @Operation(summary = "Create an account")
  public Response create(@Context HttpServletRequest request, NewAccount body) {
    Caller caller = callers.resolve(request);
    if (body == null) {
      throw ValidationException.required("username");
    }
    Account created = accounts.create(caller, body);
    return Responses.created("accounts", created.id(), created, created.version());
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = Account.class)))
  @GET
  @Path("{id: \\d+}")
  @Operation(summary = "An account")
  public Response get(@Context HttpServletRequest request, @PathParam("id") long id) {
    Caller caller = callers.resolve(request);
    Account account = accounts.get(caller, id);
    return Responses.ok(account, account.version());
  }

  @ApiResponse(
      responseCode = "200",
      description = "OK",
      content = @Content(schema = @Schema(implementation = Account.class)))
  @PATCH
  @Path("{id: \\d+}")
  @Operation(summary = "Change roles, ports, status or contact data of an account")
  public Response update(
      @Context HttpServletRequest request,
      @PathParam("id") long id,
      @HeaderParam("If-Match") String ifMatch,
      AccountChanges body) {
    Caller caller = callers.resolve(request);
    if (body == null) {
      throw ValidationException.required("version");
    }
    long version = Versions.required(ifMatch, body.version());
    Account updated =
        accounts.update(
            caller,
            id,
            new AccountChanges(
                body.displayName(),
                body.email(),
                body.phone(),
                body.roles(),
                body.ports(),
                body.status(),
                version));
    return Responses.ok(updated, updated.version());
  }

  @ApiResponse(responseCode = "204", description = "The new password is set")
  @POST
  @Path("{id: \\d+}/password")
  @Operation(summary = "Set a new password for an account you manage")
  public Response resetPassword(
      @Context HttpServletRequest request, @PathParam("id") long id, PasswordReset body) {
    Caller caller = callers.resolve(request);
    if (body == null) {
      throw ValidationException.required("password");
    }
    accounts.resetPassword(caller, id, body.password());
    return Response.noContent().build();
  }
}
