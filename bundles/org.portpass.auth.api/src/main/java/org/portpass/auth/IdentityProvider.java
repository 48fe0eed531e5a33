package org.portpass.auth;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An external identity provider, registered as a service with the property {@code
 * portpass.idp=<name>} (e.g. {@code mtnet}). It only proves identity: PortPass links the proven
 * subject to an account and asks the user for whatever data it lacks.
 *
 * <p>{@link #verify} is called on a request thread; it must not block on the network (keys come
 * from configuration) and must return within milliseconds.
 */
@ConsumerType
public interface IdentityProvider {
  String NAME = "portpass.idp";

  /**
   * Checks the assertion's signature, issuer, audience and validity period.
   *
   * @throws InvalidAssertionException with a reason safe to show the user
   */
  VerifiedIdentity verify(String assertion) throws InvalidAssertionException;
}
