package org.portpass.auth;

import org.osgi.annotation.versioning.ProviderType;
import org.portpass.core.Caller;

/**
 * Login and the bearer tokens that prove it. Tokens are signed and short-lived, verifiable by any
 * server node from the database-held public key; logout revokes a token before it expires.
 */
@ProviderType
public interface AuthenticationService {
  /** Direct login. Repeated failures lock the account name and the client address for a while. */
  LoginResult login(String username, String password, String clientAddress, String requestId);

  /** Login through an external identity provider such as MTNet, with its signed assertion. */
  LoginResult loginExternal(
      String provider, String assertion, String clientAddress, String requestId);

  /** Finishes an external login that asked for more data. */
  LoginResult complete(Completion completion, String clientAddress, String requestId);

  /** The caller a bearer token stands for; UnauthorizedException if invalid, expired or revoked. */
  Caller authenticate(String token, String clientAddress, String requestId);

  void logout(String token);
}
