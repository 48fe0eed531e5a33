package org.portpass.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The time at the ports. Pass dates are days in Taiwan (a pass valid until 2027-03-31 ends at
 * midnight in Taipei, wherever the server runs), read from one clock: the server's, or a fixed one
 * in tests.
 */
@ProviderType
public interface PortTime {
  /** The ports' time zone. */
  ZoneId ZONE = ZoneId.of("Asia/Taipei");

  /** The clock, in the ports' time zone. */
  Clock clock();

  /** Today's date at the ports. */
  default LocalDate today() {
    return LocalDate.now(clock());
  }

  /** The start of today at the ports. */
  default Instant startOfToday() {
    return today().atStartOfDay(ZONE).toInstant();
  }

  /** The time at the ports by {@code clock} (its zone is replaced by the ports'). */
  static PortTime of(Clock clock) {
    Clock atPorts = clock.withZone(ZONE);
    return () -> atPorts;
  }

  /** The time at the ports by the server's clock. */
  static PortTime system() {
    return of(Clock.systemUTC());
  }
}
