package org.portpass.device.serial.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portpass.device.serial.internal.DeviceAssertions.assertFault;

import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.portpass.device.DeviceException;
import org.portpass.device.DeviceStatus;
import org.portpass.device.Fault;
import org.portpass.device.RfidEncoder.ChipRead;

/**
 * A desk's three serial devices, built from their configurations as DS builds them, each on its own
 * port, against one simulated card station: the card job's steps over real serial I/O.
 */
@ExtendWith(NeedsSocat.class)
// the whole test, set-up and tear-down included, in a thread of its own: a hung socat or serial
// read fails the test instead of hanging the build
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SerialCardDeskTest {
  private static final String PASS_CODE = "PP1.S0VMLTIwMjctMDAwMDQy.c2lnbmF0dXJl";
  private static final String CARD_SERIAL = "KEL-2027-000042-C1";
  private static final byte[] CHIP_DATA = HexFormat.of().parseHex("50503101a1b2c3d4e5f6");

  @TempDir Path dir;
  private final CardStation station = new CardStation();
  private DeviceSimulator printerEnd;
  private DeviceSimulator scannerEnd;
  private DeviceSimulator encoderEnd;
  private SerialCardPrinter printer;
  private SerialQrScanner scanner;
  private SerialRfidEncoder encoder;

  @BeforeEach
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void plugInTheDesk() throws Exception {
    printerEnd = DeviceSimulator.plugIn(dir, "ttyUSB0", station);
    scannerEnd = DeviceSimulator.plugIn(dir, "ttyUSB1", station);
    encoderEnd = DeviceSimulator.plugIn(dir, "ttyUSB2", station);
    printer = new SerialCardPrinter(Configs.at(printerEnd.deskEnd()));
    scanner = new SerialQrScanner(Configs.at(scannerEnd.deskEnd()));
    encoder = new SerialRfidEncoder(Configs.at(encoderEnd.deskEnd()));
  }

  @AfterEach
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void unplugTheDesk() {
    printer.deactivate();
    scanner.deactivate();
    encoder.deactivate();
    printerEnd.close();
    scannerEnd.close();
    encoderEnd.close();
  }

  @Test
  void printedCardIsScannedThenItsChipIsWrittenAndReadBack() throws Exception {
    byte[] face = CardFaces.qrCode(PASS_CODE);

    printer.print(CARD_SERIAL, face);
    assertArrayEquals(face, station.tray());
    assertEquals(CARD_SERIAL, station.printedSerial());

    assertEquals(PASS_CODE, scanner.scan());

    String uid = encoder.write(CHIP_DATA);
    assertTrue(uid.matches("[0-9A-F]{14}"), uid);
    ChipRead chip = encoder.read();
    assertEquals(uid, chip.uid());
    assertArrayEquals(CHIP_DATA, chip.data());
  }

  @Test
  void megabyteCardFaceCrossesTheLineIntact() throws Exception {
    byte[] face = CardFaces.largeWithQrCode(PASS_CODE);
    assertTrue(face.length > 1_000_000, face.length + " bytes");

    printer.print(CARD_SERIAL, face);

    assertArrayEquals(face, station.tray());
    assertEquals(PASS_CODE, scanner.scan());
  }

  @Test
  void devicesAreNamedByTheirPortsAndReportOnline() {
    assertEquals("serial:" + printerEnd.deskEnd(), printer.name());
    assertEquals("serial:" + scannerEnd.deskEnd(), scanner.name());
    assertEquals("serial:" + encoderEnd.deskEnd(), encoder.name());
    DeviceStatus online = DeviceStatus.online("ready, tray empty");
    assertEquals(online, printer.status());
    assertEquals(online, scanner.status());
    assertEquals(online, encoder.status());
  }

  @Test
  void printerJamIsAJam() {
    printerEnd.answerNext("ERR JAM card stuck at the print head");

    DeviceException e = assertFault(Fault.JAM, () -> printer.print(CARD_SERIAL, new byte[] {1}));
    assertEquals("card stuck at the print head", e.getMessage());
  }

  @Test
  void scanningAnEmptyTrayIsNoCard() {
    assertFault(Fault.NO_CARD, scanner::scan);
  }

  @Test
  void scanningACardWithoutQrCodeIsAWrongRead() throws Exception {
    printer.print(CARD_SERIAL, CardFaces.blank());

    assertFault(Fault.WRONG_READ, scanner::scan);
  }

  @Test
  void encoderFaultsAreTheirFaults() throws Exception {
    printer.print(CARD_SERIAL, CardFaces.qrCode(PASS_CODE));
    encoderEnd.answerNext("ERR ENCODE_ERROR chip did not acknowledge block 4");

    assertFault(Fault.ENCODE_ERROR, () -> encoder.write(CHIP_DATA));
    assertFault(Fault.NO_CARD, encoder::read); // nothing was written
  }

  @Test
  void scannerReplyThatIsNotBase64IsADeviceError() {
    scannerEnd.answerNext("OK PP1.not*base64");
    assertFault(Fault.DEVICE_ERROR, scanner::scan);

    scannerEnd.answerNext("OK");
    assertFault(Fault.DEVICE_ERROR, scanner::scan);
  }

  @Test
  void encoderRepliesWithoutAUidOrWithBadHexAreDeviceErrors() {
    encoderEnd.answerNext("OK");
    assertFault(Fault.DEVICE_ERROR, () -> encoder.write(CHIP_DATA));

    encoderEnd.answerNext("OK 04A1B2 extra");
    assertFault(Fault.DEVICE_ERROR, () -> encoder.write(CHIP_DATA));

    encoderEnd.answerNext("OK 04A1B2C3D4E5F6 0G");
    assertFault(Fault.DEVICE_ERROR, encoder::read);

    encoderEnd.answerNext("OK chip 00");
    assertFault(Fault.DEVICE_ERROR, encoder::read);
  }

  @Test
  void blankChipReadsAsNoData() throws Exception {
    encoderEnd.answerNext("OK 04a1b2c3d4e5f6");

    ChipRead chip = encoder.read();
    assertEquals("04A1B2C3D4E5F6", chip.uid());
    assertArrayEquals(new byte[0], chip.data());
  }

  @Test
  void scannerReplugMidJobFailsThatStepOnlyAndTheNextScanWorks() throws Exception {
    printer.print(CARD_SERIAL, CardFaces.qrCode(PASS_CODE));
    scannerEnd.hangUpOnNext();

    assertFault(Fault.DISCONNECTED, scanner::scan);
    scannerEnd.plugBackIn();

    assertEquals(PASS_CODE, scanner.scan());
  }
}
