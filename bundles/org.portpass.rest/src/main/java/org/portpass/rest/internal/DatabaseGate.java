package org.portpass.rest.internal;

import java.util.Set;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.portpass.rest.Languages;
import org.portpass.storage.DatabaseStatus;

/**
 * While the database is known to be out of reach, every request that needs it (all but the health
 * check and the API description; a token check reads the logged-out tokens) is answered 503 with
 * Retry-After at once, instead of holding a server thread while the pool waits for a connection
 * that will not come. The database's circuit breaker decides; this only reads it.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName("portpass.database-gate")
@JaxrsApplicationSelect("(osgi.jaxrs.name=*)")
@PreMatching
public class DatabaseGate implements ContainerRequestFilter {
  /** Paths (below the API's base) that answer without the database. */
  private static final Set<String> WITHOUT_DATABASE = Set.of("health", "openapi.json");

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  volatile DatabaseStatus database;

  @Override
  public void filter(ContainerRequestContext request) {
    DatabaseStatus status = database;
    if (status == null || status.reachable()) {
      return;
    }
    String path = request.getUriInfo().getPath(true);
    if (!WITHOUT_DATABASE.contains(strip(path))) {
      request.abortWith(
          ProblemMapper.unavailable(Languages.of(request.getHeaderString("Accept-Language"))));
    }
  }

  private static String strip(String path) {
    String p = path.startsWith("/") ? path.substring(1) : path;
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
