package org.portpass.card;

/**
 * What a desk needs to run a step it has begun: the card face to print (PRINT) or the data to write
 * to the chip (ENCODE); for VERIFY the desk just scans.
 */
public record StepOrder(
    long jobId,
    long attemptId,
    CardStep step,
    String cardSerial,
    byte[] cardFace,
    byte[] chipData) {
  public StepOrder {
    cardFace = cardFace == null ? null : cardFace.clone();
    chipData = chipData == null ? null : chipData.clone();
  }
}
