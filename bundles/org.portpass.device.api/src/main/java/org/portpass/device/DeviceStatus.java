package org.portpass.device;

/** A device's answer to "how are you": online or not, with a short human-readable detail. */
public record DeviceStatus(boolean online, String detail) {
  public static DeviceStatus online(String detail) {
    return new DeviceStatus(true, detail);
  }

  public static DeviceStatus offline(String detail) {
    return new DeviceStatus(false, detail);
  }
}
