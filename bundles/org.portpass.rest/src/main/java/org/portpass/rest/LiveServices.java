package org.portpass.rest;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;
import org.portpass.core.PortPassException;
import org.portpass.core.UnavailableException;

/**
 * The services a REST resource calls, looked up at each call instead of bound for the resource's
 * lifetime. Updating the bundle that implements one (a hot deployment) then leaves the resource
 * registered: with a static reference the resource would go away with the service, and the JAX-RS
 * whiteboard would rebuild the whole application, answering 404 on every endpoint meanwhile. A call
 * made while a service is being replaced waits for the new one; if none comes within {@link
 * #SWAP_WAIT_MILLIS} (or the old one went away during the call and failed), it is refused as {@link
 * UnavailableException}, a 503 with Retry-After.
 */
public final class LiveServices implements AutoCloseable {
  /** How long a call waits for a service that is being replaced. */
  public static final long SWAP_WAIT_MILLIS = 5_000;

  private final BundleContext context;
  private final List<ServiceTracker<?, ?>> trackers = new CopyOnWriteArrayList<>();

  public LiveServices(BundleContext context) {
    this.context = context;
  }

  /** A stand-in for the {@code type} service registered at the time of each call. */
  public <T> T of(Class<T> type) {
    ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
    tracker.open();
    trackers.add(tracker);
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> call(proxy, tracker, type, method, args)));
  }

  @Override
  public void close() {
    trackers.forEach(ServiceTracker::close);
    trackers.clear();
  }

  private static Object call(
      Object proxy, ServiceTracker<?, ?> tracker, Class<?> type, Method method, Object[] args)
      throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      return objectMethod(proxy, type, method, args);
    }
    Object service = tracker.getService();
    if (service == null) {
      service = tracker.waitForService(SWAP_WAIT_MILLIS);
    }
    if (service == null) {
      throw unavailable(type);
    }
    int tracked = tracker.getTrackingCount();
    try {
      return method.invoke(service, args);
    } catch (InvocationTargetException e) {
      Throwable failure = e.getCause();
      if (!(failure instanceof PortPassException) && tracker.getTrackingCount() != tracked) {
        // the service was replaced while it ran: its failure says nothing about the request
        UnavailableException refused = unavailable(type);
        refused.initCause(failure);
        throw refused;
      }
      throw failure;
    }
  }

  private static Object objectMethod(Object proxy, Class<?> type, Method method, Object[] args) {
    return switch (method.getName()) {
      case "equals" -> proxy == args[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> "live " + type.getSimpleName();
    };
  }

  private static UnavailableException unavailable(Class<?> type) {
    return new UnavailableException(
        type.getSimpleName() + " is being updated; try again in a moment",
        (int) (SWAP_WAIT_MILLIS / 1000),
        "service-updating");
  }
}
