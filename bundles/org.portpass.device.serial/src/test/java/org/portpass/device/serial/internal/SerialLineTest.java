package org.portpass.device.serial.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portpass.device.serial.internal.DeviceAssertions.assertFault;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.portpass.device.DeviceException;
import org.portpass.device.DeviceStatus;
import org.portpass.device.Fault;

/** The line protocol over real serial I/O: jSerialComm on one end, the simulator on the other. */
@ExtendWith(NeedsSocat.class)
// the whole test, set-up and tear-down included, in a thread of its own: a hung socat or serial
// read fails the test instead of hanging the build
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SerialLineTest {
  private static final int SHORT_TIMEOUT_MILLIS = 300;

  @TempDir Path dir;
  private DeviceSimulator device;
  private SerialLine line;

  @BeforeEach
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void plugIn() throws Exception {
    device = DeviceSimulator.plugIn(dir, "ttyUSB0", new CardStation());
    line = lineTo(device.deskEnd());
  }

  @AfterEach
  @Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void unplug() {
    line.close();
    device.close();
  }

  @Test
  void okReplyGivesItsArguments() throws Exception {
    assertEquals("ready, tray empty", line.request("STATUS"));
    assertEquals(List.of("STATUS"), device.received());
  }

  @Test
  void okWithoutArgumentsGivesNothing() throws Exception {
    device.answerNext("OK");

    assertEquals("", line.request("PRINT KEL-1-C1 AAAA"));
  }

  @ParameterizedTest
  @EnumSource(Fault.class)
  void errReplyIsTheDevicesFaultWithItsMessage(Fault fault) {
    device.answerNext("ERR " + fault + " the device says " + fault);

    DeviceException e = assertFault(fault, () -> line.request("PRINT KEL-1-C1 AAAA"));
    assertEquals("the device says " + fault, e.getMessage());
  }

  @Test
  void errWithoutMessageNamesTheCommand() {
    device.answerNext("ERR JAM");

    assertEquals(
        "PRINT failed", assertFault(Fault.JAM, () -> line.request("PRINT C1 AAAA")).getMessage());
  }

  @Test
  void unknownFaultIsADeviceError() {
    device.answerNext("ERR ON_FIRE smoke from the laminator");

    DeviceException e = assertFault(Fault.DEVICE_ERROR, () -> line.request("STATUS"));
    assertTrue(e.getMessage().contains("ON_FIRE"), e.getMessage());
    assertTrue(e.getMessage().contains("smoke from the laminator"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello", "OK", "printer v1.2 ready", "-1 OK", "", "1234567 OK"})
  void untaggedReplyIsADeviceError(String reply) {
    device.sendNext(reply);

    assertFault(Fault.DEVICE_ERROR, () -> line.request("STATUS"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"MAYBE", "ok", "OKAY", "ERR", "ERROR JAM"})
  void taggedReplyThatIsNeitherOkNorErrIsADeviceError(String body) {
    device.answerNext(body);

    assertFault(Fault.DEVICE_ERROR, () -> line.request("STATUS"));
  }

  @Test
  void lineWorksOnAfterAnUnreadableReply() throws Exception {
    device.sendNext("garbage");
    assertFault(Fault.DEVICE_ERROR, () -> line.request("STATUS"));

    assertEquals("ready, tray empty", line.request("STATUS"));
  }

  @Test
  void silenceIsATimeoutAndTheLineWorksOn() throws Exception {
    shortenTimeout();
    device.stayQuietNext();

    long start = System.nanoTime();
    DeviceException e = assertFault(Fault.TIMEOUT, () -> line.request("SCAN"));
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;

    assertTrue(waitedMillis >= SHORT_TIMEOUT_MILLIS, waitedMillis + " ms");
    assertTrue(e.getMessage().contains("did not answer SCAN within 300 ms"), e.getMessage());
    assertEquals("ready, tray empty", line.request("STATUS"));
  }

  @Test
  void lateReplyToATimedOutRequestIsNotTakenForTheNextReply() throws Exception {
    shortenTimeout();
    device.answerTooLateNext("OK stale");
    assertFault(Fault.TIMEOUT, () -> line.request("SCAN"));

    assertEquals("ready, tray empty", line.request("STATUS"));
  }

  @Test
  void pulledCableDuringARequestIsADisconnect() {
    device.hangUpOnNext();

    DeviceException e = assertFault(Fault.DISCONNECTED, () -> line.request("PRINT KEL-1-C1 AAAA"));
    assertTrue(e.getMessage().contains("while PRINT was running"), e.getMessage());
    assertEquals(List.of("PRINT KEL-1-C1 AAAA"), device.received());
  }

  @Test
  void deviceWorksAgainOncePluggedBackInAfterADisconnect() throws Exception {
    device.hangUpOnNext();
    assertFault(Fault.DISCONNECTED, () -> line.request("STATUS"));
    assertFault(Fault.DISCONNECTED, () -> line.request("STATUS")); // still unplugged

    device.plugBackIn();

    assertEquals("ready, tray empty", line.request("STATUS"));
  }

  @Test
  void replugBetweenRequestsGoesUnnoticed() throws Exception {
    assertEquals("ready, tray empty", line.request("STATUS"));

    device.unplug();
    device.plugBackIn();

    assertEquals("ready, tray empty", line.request("STATUS"));
  }

  @Test
  void deviceMissingAtTheFirstRequestWorksOncePluggedIn() throws Exception {
    SerialLine early = lineTo(dir.resolve("ttyACM0"));
    try {
      DeviceException e = assertFault(Fault.DISCONNECTED, () -> early.request("STATUS"));
      assertTrue(e.getMessage().contains("no device at"), e.getMessage());

      try (DeviceSimulator late = DeviceSimulator.plugIn(dir, "ttyACM0", new CardStation())) {
        assertEquals("ready, tray empty", early.request("STATUS"));
      }
    } finally {
      early.close();
    }
  }

  @Test
  void secondLineOnTheSamePortCannotOpenIt() throws Exception {
    line.request("STATUS");
    SerialLine second = lineTo(device.deskEnd());
    try {
      DeviceException e = assertFault(Fault.DISCONNECTED, () -> second.request("STATUS"));
      assertTrue(e.getMessage().contains("cannot open"), e.getMessage());
    } finally {
      second.close();
    }
  }

  @Test
  void statusIsOnlineWithTheDevicesWords() {
    assertEquals(DeviceStatus.online("ready, tray empty"), line.status());
  }

  @Test
  void statusIsOfflineWithTheFault() {
    device.answerNext("ERR NO_CARD out of blank cards");

    assertEquals(DeviceStatus.offline("NO_CARD: out of blank cards"), line.status());
  }

  @Test
  void statusOfAnUnpluggedDeviceIsOfflineNotAnException() {
    device.unplug();

    DeviceStatus status = line.status();
    assertFalse(status.online());
    assertTrue(status.detail().startsWith("DISCONNECTED: "), status.detail());
  }

  @Test
  void statusDuringALongRequestSaysBusyInsteadOfWaiting() throws Exception {
    DeviceSimulator.Hold print = device.holdNext();
    CompletableFuture<String> printing =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return line.request("PRINT KEL-1-C1 AAAA");
              } catch (DeviceException e) {
                throw new IllegalStateException(e);
              }
            });
    print.awaitArrival();

    assertEquals(DeviceStatus.online("busy with PRINT"), line.status());

    print.release();
    assertEquals("", printing.get());
    assertEquals(List.of("PRINT KEL-1-C1 AAAA"), device.received());
  }

  @Test
  void replyLongerThanTheLimitIsADeviceErrorAndTheLineWorksOn() throws Exception {
    device.answerNext("OK " + "A".repeat(SerialLine.MAX_LINE));

    assertFault(Fault.DEVICE_ERROR, () -> line.request("SCAN"));
    assertEquals("ready, tray empty", line.request("STATUS"));
  }

  @Test
  void closedLineRefusesRequests() {
    line.close();

    DeviceException e = assertFault(Fault.DISCONNECTED, () -> line.request("STATUS"));
    assertTrue(e.getMessage().contains("no longer configured"), e.getMessage());
  }

  private void shortenTimeout() {
    line.close();
    line = new SerialLine(device.deskEnd().toString(), 115200, SHORT_TIMEOUT_MILLIS);
  }

  private static SerialLine lineTo(Path path) {
    return new SerialLine(path.toString(), 115200, Configs.TIMEOUT_MILLIS);
  }
}
