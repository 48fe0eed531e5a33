package org.portpass.testing;

import java.lang.reflect.Proxy;

/** A service the code under test must not call in this test: any call fails it, naming the call. */
public final class Unused {
  private Unused() {}

  public static <T> T service(Class<T> type) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                  case "toString" -> "unused " + type.getSimpleName();
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> throw new UnsupportedOperationException(method.getName());
                };
              }
              throw new AssertionError(
                  type.getSimpleName() + "." + method.getName() + " was not expected here");
            }));
  }
}
