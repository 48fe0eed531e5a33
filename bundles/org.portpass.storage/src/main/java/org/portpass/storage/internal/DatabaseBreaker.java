package org.portpass.storage.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A circuit breaker around the database: closed while it answers; opened by a failure for want of
 * it, so requests are refused at once instead of each holding a thread while the pool waits for a
 * connection; closed again by the first probe, run in the background every {@value #PROBE_MILLIS}
 * ms meanwhile, that gets an answer. A false alarm (one broken connection) costs one probe: a few
 * milliseconds.
 */
final class DatabaseBreaker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBreaker.class);
  static final long PROBE_MILLIS = 200;

  /** Since when (System.nanoTime) and why the database is out of reach. */
  record Outage(long since, String reason) {}

  private final BooleanSupplier probe;
  private final AtomicReference<Outage> outage = new AtomicReference<>();
  private final ScheduledExecutorService prober =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "portpass-database-probe");
            thread.setDaemon(true);
            return thread;
          });

  /** {@code probe} answers whether the database answers; it must not wait long. */
  DatabaseBreaker(BooleanSupplier probe) {
    this.probe = probe;
  }

  /** The outage in progress, or null while the database answers. */
  Outage outage() {
    return outage.get();
  }

  void open(Throwable cause) {
    Outage started = new Outage(System.nanoTime(), String.valueOf(cause.getMessage()));
    if (outage.compareAndSet(null, started)) {
      LOG.warn(
          "The database is out of reach ({}): requests are answered 503 until it answers again",
          started.reason());
      prober.execute(this::probe);
    }
  }

  private void probe() {
    Outage current = outage.get();
    if (current == null) {
      return;
    }
    boolean answers;
    try {
      answers = probe.getAsBoolean();
    } catch (RuntimeException e) {
      answers = false;
    }
    if (answers && outage.compareAndSet(current, null)) {
      LOG.warn(
          "The database answers again after {} ms out of reach",
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - current.since()));
    } else if (!prober.isShutdown()) {
      prober.schedule(this::probe, PROBE_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void close() {
    prober.shutdownNow();
  }
}
