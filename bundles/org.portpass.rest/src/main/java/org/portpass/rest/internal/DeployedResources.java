package org.portpass.rest.internal;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;

/**
 * Whether the JAX-RS whiteboard serves every resource registered: it deploys them one by one after
 * they register (and again after a bundle comes back), so a server whose database is ready may
 * still answer 404 for a while. The runtime is asked only after a resource came or went.
 */
final class DeployedResources implements AutoCloseable {
  private static final String RESOURCES = "(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)";

  private final BundleContext context;
  private final ServiceListener changed = event -> allServed = false;
  private volatile boolean allServed;

  DeployedResources(BundleContext context) {
    this.context = context;
    try {
      context.addServiceListener(changed, RESOURCES);
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many resources are registered but not (yet) served; 0 when all are. */
  long notServed(JaxrsServiceRuntime runtime) {
    if (allServed) {
      return 0;
    }
    allServed = true; // a change from here on clears it again
    Set<Long> registered = registered();
    if (runtime == null) {
      allServed = false;
      return registered.size();
    }
    RuntimeDTO dto = runtime.getRuntimeDTO();
    Set<Long> served =
        Stream.concat(Stream.of(dto.defaultApplication), Stream.of(dto.applicationDTOs))
            .filter(app -> app != null && app.resourceDTOs != null)
            .flatMap(app -> Stream.of(app.resourceDTOs))
            .map(resource -> resource.serviceId)
            .collect(Collectors.toSet());
    long missing = registered.stream().filter(id -> !served.contains(id)).count();
    if (missing > 0) {
      allServed = false;
    }
    return missing;
  }

  private Set<Long> registered() {
    try {
      ServiceReference<?>[] found = context.getServiceReferences((String) null, RESOURCES);
      return found == null
          ? Set.of()
          : Stream.of(found)
              .map(r -> (Long) r.getProperty(Constants.SERVICE_ID))
              .collect(Collectors.toSet());
    } catch (InvalidSyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    context.removeServiceListener(changed);
  }
}
