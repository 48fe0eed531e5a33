package org.portpass.card;

/**
 * A desk's report of a step it ran. On success, VERIFY reports the scanned text and ENCODE the
 * chip's UID and the data read back; the server checks both against the pass record. On failure,
 * {@code fault} names a {@code org.portpass.device.Fault}.
 */
public record StepReport(
    boolean ok,
    String device,
    String fault,
    String message,
    String scanned,
    String chipUid,
    byte[] chipRead) {
  public StepReport {
    chipRead = chipRead == null ? null : chipRead.clone();
  }

  public static StepReport failed(String device, String fault, String message) {
    return new StepReport(false, device, fault, message, null, null, null);
  }
}
