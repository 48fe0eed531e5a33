package org.portpass.card;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A card desk running on this node: a port's desk with its devices, taking the port's card jobs.
 * Registered by the desk runner, one per desk configuration.
 */
@ProviderType
public interface CardDesk {
  String port();

  String desk();

  /** The desk's devices as they answer now. */
  DeskStatus status();

  /**
   * Runs the desk's next job (a job it had begun first) through its remaining steps, until the card
   * is made or a step fails; returns the job as it ends, or null when there is nothing to do.
   */
  CardJob runNext();

  /** A desk and its devices. {@code devices} lists printer, scanner and encoder, present or not. */
  record DeskStatus(String port, String desk, boolean autoRun, List<DeviceState> devices) {
    public DeskStatus {
      devices = List.copyOf(devices);
    }
  }

  /** One device slot of a desk; {@code name} is null when no driver provides the device. */
  record DeviceState(String kind, String name, boolean online, String detail) {}
}
