package org.portpass.auth;

import java.time.Instant;
import java.util.List;

/**
 * The answer to a login: a bearer token for the account, or — after an external login whose
 * identity is not yet linked or whose account lacks data — the fields the user must complete and a
 * short-lived {@code completionToken} to complete them with.
 */
public record LoginResult(
    String token,
    Instant expiresAt,
    Account account,
    List<String> missing,
    String completionToken) {

  public boolean complete() {
    return token != null;
  }
}
