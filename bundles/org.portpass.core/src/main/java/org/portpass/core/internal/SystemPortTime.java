package org.portpass.core.internal;

import java.time.Clock;
import org.osgi.service.component.annotations.Component;
import org.portpass.core.PortTime;

/** The time at the ports as a service, by the server's clock. */
@Component
public class SystemPortTime implements PortTime {
  private final Clock clock = PortTime.system().clock();

  @Override
  public Clock clock() {
    return clock;
  }
}
