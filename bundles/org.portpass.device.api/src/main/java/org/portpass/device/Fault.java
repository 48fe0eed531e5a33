package org.portpass.device;

/** Why a device step failed. Recorded on the card job; the desk decides retry or void from it. */
public enum Fault {
  /** The card is stuck in the printer. */
  JAM,
  /** The device is not connected, or the connection dropped during the step. */
  DISCONNECTED,
  /** The device did not answer in time. */
  TIMEOUT,
  /** The scanner or the encoder read something other than what is on the card. */
  WRONG_READ,
  /** The chip could not be written. */
  ENCODE_ERROR,
  /** No card (blank stock or printed card) is where the device expects one. */
  NO_CARD,
  /** Anything else the device reported. */
  DEVICE_ERROR
}
