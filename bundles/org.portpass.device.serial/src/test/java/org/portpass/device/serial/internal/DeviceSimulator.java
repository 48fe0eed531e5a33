package org.portpass.device.serial.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One device of a {@link CardStation} at the far end of a {@link PtyPair}, speaking {@code
 * PROTOCOL.md} over plain file streams. By default it answers what the station answers; a test
 * scripts what happens to the next requests instead: a reply of its choice, silence, an answer that
 * comes too late, a held answer, or the cable pulled mid-request.
 */
final class DeviceSimulator implements AutoCloseable {
  /** What the device does with one request. */
  @FunctionalInterface
  private interface Behaviour {
    void respond(String tag, String command) throws IOException;
  }

  private final Path deskEnd;
  private final Path deviceEnd;
  private final CardStation station;
  private final Queue<Behaviour> script = new ConcurrentLinkedQueue<>();
  private final List<String> received = new CopyOnWriteArrayList<>();
  private PtyPair cable;
  private Thread server;
  private OutputStream toDesk;
  private String owed; // a reply that missed its request's timeout, sent before the next reply

  private DeviceSimulator(Path deskEnd, Path deviceEnd, CardStation station) {
    this.deskEnd = deskEnd;
    this.deviceEnd = deviceEnd;
    this.station = station;
  }

  /** Plugs a device of {@code station} in; the driver opens {@code <dir>/<name>}. */
  static DeviceSimulator plugIn(Path dir, String name, CardStation station)
      throws IOException, InterruptedException {
    DeviceSimulator device =
        new DeviceSimulator(dir.resolve(name), dir.resolve(name + ".device"), station);
    device.plugBackIn();
    return device;
  }

  /** The path the driver opens, like {@code /dev/ttyUSB0}. */
  Path deskEnd() {
    return deskEnd;
  }

  /** The commands received so far, without their tags. */
  List<String> received() {
    return List.copyOf(received);
  }

  /** Answers the next request with {@code reply}, e.g. {@code ERR JAM card stuck}. */
  void answerNext(String reply) {
    script.add((tag, command) -> send(tag + " " + reply));
  }

  /** Answers the next request with {@code line} exactly as given, without its tag. */
  void sendNext(String line) {
    script.add((tag, command) -> send(line));
  }

  /** Lets the next request go unanswered. */
  void stayQuietNext() {
    script.add((tag, command) -> {});
  }

  /** Answers the next request with {@code reply} only just before the reply to the one after. */
  void answerTooLateNext(String reply) {
    script.add((tag, command) -> owed = tag + " " + reply);
  }

  /** Pulls the cable once the next request has arrived, before answering it. */
  void hangUpOnNext() {
    script.add((tag, command) -> unplug());
  }

  /** Holds the next request's usual answer until the test releases it. */
  Hold holdNext() {
    Hold hold = new Hold();
    script.add(
        (tag, command) -> {
          hold.arrived.countDown();
          try {
            hold.released.await();
          } catch (InterruptedException e) {
            return; // the test is over
          }
          answer(tag, command);
        });
    return hold;
  }

  /** A request held by {@link #holdNext()}. */
  static final class Hold {
    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    void awaitArrival() throws InterruptedException {
      assertTrue(arrived.await(5, TimeUnit.SECONDS), "the held request never arrived");
    }

    void release() {
      released.countDown();
    }
  }

  /** Pulls the cable: the driver's port reports a disconnect, the desk end's path disappears. */
  synchronized void unplug() {
    if (cable == null) {
      return;
    }
    cable.close();
    cable = null;
    if (Thread.currentThread() != server) {
      server.interrupt(); // ends a held answer
      try {
        server.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Plugs the cable back in at the same path; the station keeps its card and chip. */
  synchronized void plugBackIn() throws IOException, InterruptedException {
    if (server != null) {
      server.join(); // a cable pulled mid-request ends its server on its own
    }
    cable = PtyPair.connect(deskEnd, deviceEnd);
    BufferedReader requests =
        new BufferedReader(
            new InputStreamReader(new FileInputStream(deviceEnd.toFile()), US_ASCII));
    OutputStream replies = new FileOutputStream(deviceEnd.toFile());
    toDesk = replies;
    server =
        new Thread(() -> serve(requests, replies), "device simulator " + deskEnd.getFileName());
    server.setDaemon(true);
    server.start();
  }

  @Override
  public void close() {
    unplug();
  }

  private void serve(BufferedReader requests, OutputStream replies) {
    try (requests;
        replies) {
      for (String line = requests.readLine(); line != null; line = requests.readLine()) {
        String[] tagAndCommand = line.split(" ", 2);
        String command = tagAndCommand.length == 2 ? tagAndCommand[1] : "";
        received.add(command);
        if (owed != null) {
          send(owed);
          owed = null;
        }
        Behaviour next = script.poll();
        if (next == null) {
          answer(tagAndCommand[0], command);
        } else {
          next.respond(tagAndCommand[0], command);
        }
      }
    } catch (IOException e) {
      // the cable was pulled: the terminal reports an I/O error instead of an end of file
    }
  }

  private void answer(String tag, String command) throws IOException {
    send(tag + " " + station.answer(command));
  }

  private void send(String line) throws IOException {
    toDesk.write((line + "\n").getBytes(US_ASCII));
    toDesk.flush();
  }
}
