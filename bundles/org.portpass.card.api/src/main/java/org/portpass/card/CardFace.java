package org.portpass.card;

import java.time.LocalDate;
import java.util.List;

/**
 * What is printed on a card. For a vehicle, {@code nameZh} is the plate number and {@code nameEn}
 * the vehicle type and make; {@code photo} is empty when the holder has no photo on file.
 *
 * @param qrPayload the signed pass code ({@link PassCode}) printed as a QR code
 */
public record CardFace(
    String passNumber,
    String cardSerial,
    String passType,
    String holderKind,
    String nameZh,
    String nameEn,
    String companyName,
    List<String> accessPorts,
    String pickupPort,
    LocalDate validFrom,
    LocalDate validTo,
    byte[] photo,
    String qrPayload) {
  public CardFace {
    accessPorts = List.copyOf(accessPorts);
    photo = photo == null ? new byte[0] : photo.clone();
  }
}
