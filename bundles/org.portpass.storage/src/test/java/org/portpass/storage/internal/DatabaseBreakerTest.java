package org.portpass.storage.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DatabaseBreakerTest {
  @Test
  void opensAtOnceProbesMeanwhileAndClosesOnTheFirstAnswer() throws InterruptedException {
    AtomicBoolean up = new AtomicBoolean(false);
    AtomicInteger probes = new AtomicInteger();
    try (DatabaseBreaker breaker =
        new DatabaseBreaker(
            () -> {
              probes.incrementAndGet();
              return up.get();
            })) {
      assertNull(breaker.outage());
      breaker.open(new SQLException("Connection refused", "08001"));
      DatabaseBreaker.Outage outage = breaker.outage();
      assertNotNull(outage);
      assertEquals("Connection refused", outage.reason());
      Thread.sleep(3 * DatabaseBreaker.PROBE_MILLIS);
      assertNotNull(breaker.outage(), "closed while the probe fails");
      assertTrue(probes.get() >= 2, "probed " + probes.get() + " times");

      up.set(true);
      long deadline = System.currentTimeMillis() + 10 * DatabaseBreaker.PROBE_MILLIS;
      while (breaker.outage() != null && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertNull(breaker.outage(), "still open after the database answered");
      int settled = probes.get();
      Thread.sleep(3 * DatabaseBreaker.PROBE_MILLIS);
      assertEquals(settled, probes.get(), "no probing while the database answers");
    }
  }

  @Test
  void aSecondFailureDuringAnOutageKeepsItsStart() {
    try (DatabaseBreaker breaker = new DatabaseBreaker(() -> false)) {
      breaker.open(new SQLException("first", "08006"));
      DatabaseBreaker.Outage first = breaker.outage();
      breaker.open(new SQLException("second", "08006"));
      assertEquals(first, breaker.outage());
    }
  }

  @Test
  void aProbeThatThrowsCountsAsNoAnswer() throws InterruptedException {
    try (DatabaseBreaker breaker =
        new DatabaseBreaker(
            () -> {
              throw new IllegalStateException("pool closed");
            })) {
      breaker.open(new SQLException("gone", "08006"));
      Thread.sleep(2 * DatabaseBreaker.PROBE_MILLIS);
      assertNotNull(breaker.outage());
    }
  }
}
