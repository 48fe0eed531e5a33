package org.portpass.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what a service does on its own thread (an event handler, a catch-up). */
public final class Eventually {
  private Eventually() {}

  /** Returns once {@code condition} holds; fails the test after {@code limit}. */
  public static void until(String what, Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(what + " did not happen within " + limit);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting until " + what, e);
      }
    }
  }
}
