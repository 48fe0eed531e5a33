package org.portpass.device.serial.internal;

import static java.nio.charset.StandardCharsets.US_ASCII;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.portpass.device.DeviceException;
import org.portpass.device.DeviceStatus;
import org.portpass.device.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host end of one device's serial line, speaking the protocol of {@code PROTOCOL.md}: a tagged
 * request line out, the reply line with the same tag back. One request at a time per line. The port
 * is opened at the first request, never at activation, and reopened after a disconnect, so a device
 * plugged in late or re-plugged works without restarting anything.
 */
final class SerialLine {
  /** The longest line either side may send, LF excluded: room for a 3 MiB card face. */
  static final int MAX_LINE = 4 * 1024 * 1024;

  private static final int MAX_TAG = 999_999;
  private static final Pattern TAG = Pattern.compile("[0-9]{1,6}");
  // jSerialComm waits for input in whole tenths of a second (termios VTIME), at most 25.5 s
  private static final int MAX_WAIT_MILLIS = 25_500;
  private static final int QUOTED_REPLY_LENGTH = 80;
  private static final Logger LOG = LoggerFactory.getLogger(SerialLine.class);

  private final String path;
  private final int baudRate;
  private final int timeoutMillis;
  private final ReentrantLock lock = new ReentrantLock();
  private final byte[] chunk = new byte[8192];
  private int chunkStart;
  private int chunkEnd;
  private SerialPort port;
  private int tag;
  private boolean closed;
  private volatile String busyWith;

  SerialLine(String path, int baudRate, int timeoutMillis) {
    this.path = path;
    this.baudRate = baudRate;
    this.timeoutMillis = timeoutMillis;
  }

  /** The device's name in job records. */
  String name() {
    return "serial:" + path;
  }

  /**
   * Sends one request and waits for its reply.
   *
   * @param command the request without its tag, e.g. {@code SCAN} or {@code WRITE 0A1B}
   * @return the arguments of the device's {@code OK} reply, empty when it has none
   * @throws DeviceException with the device's {@code ERR} fault, or {@link Fault#TIMEOUT}, {@link
   *     Fault#DISCONNECTED}, {@link Fault#DEVICE_ERROR} for a reply that breaks the protocol
   */
  String request(String command) throws DeviceException {
    int space = command.indexOf(' ');
    String keyword = space < 0 ? command : command.substring(0, space);
    lock.lock();
    try {
      busyWith = keyword;
      tag = tag % MAX_TAG + 1;
      String requestLine = tag + " " + command;
      if (requestLine.length() > MAX_LINE) {
        throw new DeviceException(
            Fault.DEVICE_ERROR,
            keyword
                + " request of "
                + requestLine.length()
                + " characters exceeds the protocol's limit of "
                + MAX_LINE);
      }
      SerialPort open = connected();
      send(open, requestLine, keyword);
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (true) {
        String reply = readLine(open, deadline, keyword);
        String[] tagAndBody = reply.split(" ", 2);
        if (tagAndBody.length < 2 || !TAG.matcher(tagAndBody[0]).matches()) {
          throw unreadable(keyword, reply);
        }
        if (Integer.parseInt(tagAndBody[0]) == tag) {
          return outcome(tagAndBody[1], keyword, reply);
        }
        // the answer to an earlier request that timed out: not ours
        LOG.debug("{} skipped a late reply: {}", name(), quote(reply));
      }
    } finally {
      busyWith = null;
      lock.unlock();
    }
  }

  /** Asks the device with {@code STATUS}; never throws, and never waits behind a running job. */
  DeviceStatus status() {
    if (!lock.tryLock()) {
      String job = busyWith; // null when the job ended just now
      return DeviceStatus.online(job == null ? "busy" : "busy with " + job);
    }
    try {
      String detail = request("STATUS");
      return DeviceStatus.online(detail.isEmpty() ? "ready" : detail);
    } catch (DeviceException e) {
      return DeviceStatus.offline(e.fault() + ": " + e.getMessage());
    } finally {
      lock.unlock();
    }
  }

  /** Closes the port for good, after the running request; later requests are refused. */
  void close() {
    lock.lock();
    try {
      closed = true;
      closePort();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The error for a reply that breaks the protocol, such as {@code OK} arguments that are not what
   * {@code keyword} returns.
   */
  DeviceException unreadable(String keyword, String reply) {
    return new DeviceException(
        Fault.DEVICE_ERROR,
        name() + " sent an unreadable reply to " + keyword + ": " + quote(reply));
  }

  private SerialPort connected() throws DeviceException {
    if (closed) {
      throw new DeviceException(
          Fault.DISCONNECTED,
          name() + " is no longer configured (its configuration was changed or deleted)");
    }
    chunkStart = chunkEnd = 0; // what followed an earlier reply is stale
    // Flushing drops what the device sent unasked, and fails once the device behind it is gone.
    if (port != null && port.flushIOBuffers()) {
      return port;
    }
    if (port != null) {
      LOG.info("{} was unplugged since its last request; reopening", name());
      closePort();
    }
    port = open();
    port.flushIOBuffers();
    return port;
  }

  private SerialPort open() throws DeviceException {
    SerialPort candidate;
    try {
      candidate = SerialPort.getCommPort(path);
    } catch (SerialPortInvalidPortException e) {
      throw new DeviceException(Fault.DISCONNECTED, name() + ": no device at " + path, e);
    }
    candidate.setComPortParameters(baudRate, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    candidate.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
    if (!candidate.openPort()) {
      throw new DeviceException(
          Fault.DISCONNECTED,
          name()
              + ": cannot open "
              + path
              + " (error "
              + candidate.getLastErrorCode()
              + "; is another program or configuration using it?)");
    }
    LOG.info("{} opened at {} bit/s", name(), baudRate);
    return candidate;
  }

  private void send(SerialPort open, String requestLine, String keyword) throws DeviceException {
    byte[] bytes = (requestLine + "\n").getBytes(US_ASCII);
    int written = 0;
    while (written < bytes.length) {
      int count = open.writeBytes(bytes, bytes.length - written, written);
      if (count <= 0) {
        throw disconnected(name() + " disconnected while sending " + keyword);
      }
      written += count;
    }
  }

  private String readLine(SerialPort open, long deadline, String keyword) throws DeviceException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    while (true) {
      while (chunkStart < chunkEnd) {
        byte next = chunk[chunkStart++];
        if (next == '\n') {
          String text = line.toString(US_ASCII);
          return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
        }
        if (line.size() == MAX_LINE) {
          throw new DeviceException(
              Fault.DEVICE_ERROR,
              name() + " sent a reply to " + keyword + " longer than " + MAX_LINE + " characters");
        }
        line.write(next);
      }
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0) {
        throw new DeviceException(
            Fault.TIMEOUT,
            name() + " did not answer " + keyword + " within " + timeoutMillis + " ms");
      }
      int wait = (int) Math.max(SerialDevices.MIN_TIMEOUT_MILLIS, Math.min(left, MAX_WAIT_MILLIS));
      open.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, wait, 0);
      int count = open.readBytes(chunk, chunk.length);
      if (count < 0) {
        throw disconnected(name() + " disconnected while " + keyword + " was running");
      }
      chunkStart = 0;
      chunkEnd = count;
    }
  }

  private String outcome(String body, String keyword, String reply) throws DeviceException {
    if (body.equals("OK")) {
      return "";
    }
    if (body.startsWith("OK ")) {
      return body.substring(3);
    }
    if (!body.startsWith("ERR ")) {
      throw unreadable(keyword, reply);
    }
    String[] codeAndMessage = body.substring(4).split(" ", 2);
    String message =
        codeAndMessage.length == 2 && !codeAndMessage[1].isBlank()
            ? codeAndMessage[1]
            : keyword + " failed";
    Fault fault =
        Arrays.stream(Fault.values())
            .filter(candidate -> candidate.name().equals(codeAndMessage[0]))
            .findFirst()
            .orElse(null);
    if (fault == null) {
      throw new DeviceException(
          Fault.DEVICE_ERROR,
          name() + " reported an unknown fault " + quote(codeAndMessage[0]) + ": " + message);
    }
    throw new DeviceException(fault, message);
  }

  private DeviceException disconnected(String message) {
    closePort();
    LOG.warn(message);
    return new DeviceException(Fault.DISCONNECTED, message);
  }

  private void closePort() {
    if (port != null) {
      port.closePort();
      port = null;
    }
  }

  private static String quote(String reply) {
    return "\""
        + (reply.length() > QUOTED_REPLY_LENGTH
            ? reply.substring(0, QUOTED_REPLY_LENGTH) + "..."
            : reply)
        + "\"";
  }
}
