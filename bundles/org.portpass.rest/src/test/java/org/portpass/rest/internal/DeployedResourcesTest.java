package org.portpass.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

class DeployedResourcesTest {
  private final List<Long> registered = new ArrayList<>(List.of(1L, 2L));
  private final List<Long> served = new ArrayList<>(List.of(1L));
  private final AtomicInteger asked = new AtomicInteger();
  private ServiceListener listener;

  @Test
  void aResourceRegisteredButNotServedKeepsTheServerDown() {
    DeployedResources resources = new DeployedResources(context());

    assertEquals(2, resources.notServed(null), "no whiteboard runtime: nothing is served");
    assertEquals(1, resources.notServed(runtime()));
    served.add(2L);
    assertEquals(0, resources.notServed(runtime()));
  }

  @Test
  void theRuntimeIsAskedAgainOnlyAfterAResourceCameOrWent() {
    served.add(2L);
    DeployedResources resources = new DeployedResources(context());
    assertEquals(0, resources.notServed(runtime()));
    assertEquals(0, resources.notServed(runtime()));
    assertEquals(1, asked.get());

    registered.add(3L); // a bundle registers a resource the whiteboard has not deployed yet
    listener.serviceChanged(new ServiceEvent(ServiceEvent.REGISTERED, reference(3L)));
    assertEquals(1, resources.notServed(runtime()));
    assertEquals(2, asked.get());
  }

  private BundleContext context() {
    return (BundleContext)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {BundleContext.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "addServiceListener" -> {
                    listener = (ServiceListener) args[0];
                    yield null;
                  }
                  case "getServiceReferences" ->
                      registered.stream().map(this::reference).toArray(ServiceReference<?>[]::new);
                  default -> null;
                });
  }

  private ServiceReference<?> reference(long id) {
    return (ServiceReference<?>)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {ServiceReference.class},
            (proxy, method, args) ->
                method.getName().equals("getProperty") && Constants.SERVICE_ID.equals(args[0])
                    ? id
                    : null);
  }

  private JaxrsServiceRuntime runtime() {
    return () -> {
      asked.incrementAndGet();
      RuntimeDTO dto = new RuntimeDTO();
      dto.defaultApplication = new ApplicationDTO();
      dto.defaultApplication.resourceDTOs =
          served.stream()
              .map(
                  id -> {
                    ResourceDTO r = new ResourceDTO();
                    r.serviceId = id;
                    return r;
                  })
              .toArray(ResourceDTO[]::new);
      dto.applicationDTOs = new ApplicationDTO[0];
      return dto;
    };
  }
}
