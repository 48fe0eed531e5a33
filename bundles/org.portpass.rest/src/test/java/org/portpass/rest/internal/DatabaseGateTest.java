package org.portpass.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;
import org.portpass.storage.DatabaseStatus;

class DatabaseGateTest {
  private final DatabaseGate gate = new DatabaseGate();

  @Test
  void whileTheDatabaseIsOutOfReachEveryRequestButHealthAndTheApiDocumentIs503AtOnce() {
    gate.database = status(false);
    for (String path : new String[] {"persons", "auth/login", "auth/me", "forms/7/submit"}) {
      Response answer = filter(path);
      assertEquals(503, answer.getStatus(), path);
      assertEquals("1", String.valueOf(answer.getHeaderString("Retry-After")), path);
    }
    for (String path : new String[] {"health", "/health", "health/", "openapi.json"}) {
      assertNull(filter(path), path);
    }
  }

  @Test
  void whileTheDatabaseAnswersOrIsNotKnownNothingIsStopped() {
    gate.database = status(true);
    assertNull(filter("persons"));
    gate.database = null;
    assertNull(filter("persons"));
  }

  /** The answer the gate aborted the request with, or null when it let the request pass. */
  private Response filter(String path) {
    AtomicReference<Response> aborted = new AtomicReference<>();
    UriInfo uri =
        (UriInfo)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {UriInfo.class},
                (proxy, method, args) ->
                    method.getName().equals("getPath") ? path : URI.create("http://x/" + path));
    ContainerRequestContext request =
        (ContainerRequestContext)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getUriInfo" -> uri;
                      case "abortWith" -> {
                        aborted.set((Response) args[0]);
                        yield null;
                      }
                      default -> null;
                    });
    gate.filter(request);
    return aborted.get();
  }

  private static DatabaseStatus status(boolean reachable) {
    return new DatabaseStatus() {
      @Override
      public Report check() {
        return new Report(reachable, null, null, 0, 0, null);
      }

      @Override
      public boolean reachable() {
        return reachable;
      }

      @Override
      public void unreachable(Throwable cause) {}
    };
  }
}
