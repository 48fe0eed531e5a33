package org.portpass.auth.internal.service;

import java.util.Date;
import java.util.Map;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.portpass.auth.AccountService;
import org.portpass.auth.AuthenticationService;
import org.portpass.auth.Completion;
import org.portpass.auth.IdentityProvider;
import org.portpass.auth.LoginResult;
import org.portpass.auth.internal.entity.AccountEntity;
import org.portpass.core.AuditLog;
import org.portpass.core.Caller;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;

/**
 * Direct and external login, and the bearer tokens that follow: the password check and its throttle
 * ({@link Credentials}, in the database, so throttling holds across server nodes), the identity
 * providers' logins ({@link ExternalLogin}) and the tokens ({@link AccessTokens}).
 */
@Component(configurationPid = AuthConfig.PID)
public class AuthenticationServiceImpl implements AuthenticationService {
  private final Transactions tx;
  private final AccessTokens tokens;
  private final Credentials credentials;
  private final ExternalLogin external;

  @Activate
  public AuthenticationServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-auth)") JpaTemplate jpa,
      @Reference(target = AuthSchema.READY) SchemaReady schema,
      @Reference AccountService accounts,
      @Reference AuditLog audit,
      AuthConfig config) {
    this.tx = new Transactions(jpa);
    this.tokens = new AccessTokens(tx, config);
    this.credentials = new Credentials(tx, config);
    this.external = new ExternalLogin(tx, accounts, audit, credentials, tokens);
  }

  @Deactivate
  void deactivate() {
    tokens.close();
  }

  @Modified
  void modified(AuthConfig config) {
    tokens.configure(config);
    credentials.configure(config);
  }

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      target = "(" + IdentityProvider.NAME + "=*)")
  void addProvider(IdentityProvider provider, Map<String, Object> properties) {
    external.addProvider(String.valueOf(properties.get(IdentityProvider.NAME)), provider);
  }

  void removeProvider(IdentityProvider provider, Map<String, Object> properties) {
    external.removeProvider(String.valueOf(properties.get(IdentityProvider.NAME)), provider);
  }

  @Override
  public LoginResult login(String username, String password, String address, String requestId) {
    String name = Accounts.normalise(username);
    Caller anonymous = Credentials.anonymous(name, address, requestId);
    AccountEntity account = credentials.check(name, password, address, anonymous);
    return tx.write(
        em -> {
          LoginThrottle.succeeded(em, name, address);
          AccountEntity e = em.find(AccountEntity.class, account.getId());
          e.setLastLoginAt(new Date());
          AuditTrail.append(em, anonymous, "auth.login", "account", name, null, "direct");
          return Accounts.view(e, Accounts.linked(em, e.getId()));
        },
        tokens::issue);
  }

  @Override
  public LoginResult loginExternal(
      String provider, String assertion, String address, String requestId) {
    return external.login(provider, assertion, address, requestId);
  }

  @Override
  public LoginResult complete(Completion c, String address, String requestId) {
    return external.complete(c, address, requestId);
  }

  @Override
  public Caller authenticate(String token, String address, String requestId) {
    return tokens.authenticate(token, address, requestId);
  }

  @Override
  public void logout(String token) {
    tokens.logout(token);
  }
}
