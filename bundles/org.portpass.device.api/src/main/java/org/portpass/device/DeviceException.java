package org.portpass.device;

/** A device step failed for a known {@link Fault}; the message is for the desk operator. */
public class DeviceException extends Exception {
  private static final long serialVersionUID = 1L;

  private final Fault fault;

  public DeviceException(Fault fault, String message) {
    super(message);
    this.fault = fault;
  }

  public DeviceException(Fault fault, String message, Throwable cause) {
    super(message, cause);
    this.fault = fault;
  }

  public Fault fault() {
    return fault;
  }
}
