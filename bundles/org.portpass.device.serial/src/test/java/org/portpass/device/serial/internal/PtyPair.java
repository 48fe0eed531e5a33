package org.portpass.device.serial.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;

/**
 * A serial cable for tests: two pseudo-terminals joined by socat. The driver opens the desk end,
 * the simulator the device end; closing the pair is pulling the cable (socat removes both links).
 */
final class PtyPair implements AutoCloseable {
  private final Process socat;

  private PtyPair(Process socat) {
    this.socat = socat;
  }

  static PtyPair connect(Path deskEnd, Path deviceEnd) throws IOException {
    Process socat =
        new ProcessBuilder(
                "socat",
                "-d",
                "-d",
                "pty,raw,echo=0,link=" + deskEnd,
                "pty,raw,echo=0,link=" + deviceEnd)
            .redirectErrorStream(true)
            .start();
    // socat logs this once both terminals and their links exist
    BufferedReader log = new BufferedReader(new InputStreamReader(socat.getInputStream(), UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = log.readLine(); line != null; line = log.readLine()) {
      seen.append(line).append('\n');
      if (line.contains("starting data transfer loop")) {
        return new PtyPair(socat);
      }
    }
    throw new IOException("socat ended before joining the terminals:\n" + seen);
  }

  @Override
  public void close() {
    socat.destroy();
    try {
      socat.waitFor();
      socat.getInputStream().close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the log pipe is gone with the process
    }
  }
}
