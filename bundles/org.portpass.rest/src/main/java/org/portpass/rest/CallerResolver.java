package org.portpass.rest;

import javax.servlet.http.HttpServletRequest;
import org.osgi.annotation.versioning.ProviderType;
import org.portpass.core.Caller;

/**
 * Turns an HTTP request into the {@link Caller} that the services authorise. Resources call it
 * first thing; it throws {@link UnauthorizedException} when the request proves no identity.
 */
@ProviderType
public interface CallerResolver {
  Caller resolve(HttpServletRequest request);
}
