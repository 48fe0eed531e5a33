package org.portpass.auth.shell.internal;

import java.util.function.Supplier;
import org.portpass.core.PortPassException;
import org.portpass.core.ValidationException;

/** Prints domain errors as one readable line instead of a stack trace. */
final class Commands {
  private Commands() {}

  static <T> T run(Supplier<T> work) {
    try {
      return work.get();
    } catch (ValidationException e) {
      e.errors().forEach(f -> System.err.println("Error: " + f.field() + ": " + f.message()));
      return null;
    } catch (PortPassException e) {
      System.err.println("Error: " + e.getMessage());
      return null;
    }
  }
}
