package org.portpass.rest;

import javax.servlet.http.HttpServletRequest;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The address of the client a request comes from, for login throttling and the audit trail: the
 * peer's address, or, when the peer is a trusted proxy (a load balancer, configured in {@code
 * org.portpass.proxies}), the right-most address of its forwarding header that is not a trusted
 * proxy's. A header from anyone else is ignored, so no client can choose the address it is counted
 * under. Read the client address only through this service.
 */
@ProviderType
public interface ClientAddresses {
  String of(HttpServletRequest request);
}
