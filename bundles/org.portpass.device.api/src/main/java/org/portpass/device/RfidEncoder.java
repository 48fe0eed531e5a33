package org.portpass.device;

import org.osgi.annotation.versioning.ConsumerType;

/** Writes the RFID chip of the card in the encoder and reads it back. */
@ConsumerType
public interface RfidEncoder extends CardDevice {
  /** Writes {@code data} to the chip and returns the chip's UID. */
  String write(byte[] data) throws DeviceException;

  /** Reads the chip: its UID and the data on it. */
  ChipRead read() throws DeviceException;

  /** What the encoder read from a chip. */
  record ChipRead(String uid, byte[] data) {}
}
