package org.portpass.registry;

/** Vehicle types a port distinguishes at its gates. */
public enum VehicleType {
  CAR,
  VAN,
  TRUCK,
  TRACTOR,
  TRAILER,
  BUS,
  MOTORCYCLE,
  FORKLIFT,
  CRANE,
  OTHER
}
