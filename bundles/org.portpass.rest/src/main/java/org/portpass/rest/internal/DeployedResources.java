package org.portpass.rest.internal;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;

/**
 * Whether the JAX-RS whiteboard serves every resource registered: it deploys them one by one after
 * they register (and again after a bundle comes back), so a server whose database is ready may
 * still answer 404 for a while. The runtime is asked only after a resource came or went. A resource
 * that is not registered yet counts too: Karaf must have started every boot feature, and no
 * resource component may wait for a service.
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

  /** Karaf has installed and started every boot feature (its BootFinished service is there). */
  boolean bootFinished() {
    return context.getServiceReference("org.apache.karaf.features.BootFinished") != null;
  }

  /** How many enabled resource components still wait for a reference or configuration. */
  static long waiting(ServiceComponentRuntime scr) {
    if (scr == null) {
      return 0; // no component runtime: nothing to ask, the served check stands alone
    }
    long waiting = 0;
    for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
      if (!isResource(d) || !scr.isComponentEnabled(d)) {
        continue;
      }
      for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
        if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE
            || c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
          waiting++;
        }
      }
    }
    return waiting;
  }

  private static boolean isResource(ComponentDescriptionDTO d) {
    Object flag =
        d.properties == null ? null : d.properties.get(JaxrsWhiteboardConstants.JAX_RS_RESOURCE);
    return flag != null && Boolean.parseBoolean(flag.toString());
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
