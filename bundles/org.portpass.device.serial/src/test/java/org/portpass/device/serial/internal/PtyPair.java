package org.portpass.device.serial.internal;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A serial cable for tests: two pseudo-terminals joined by socat. The driver opens the desk end,
 * the simulator the device end; closing the pair is pulling the cable (socat removes both links).
 */
final class PtyPair implements AutoCloseable {
  private static final int JOIN_SECONDS = 10;
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
    // a socat that never joins the terminals is ended, so reading its log below cannot hang
    AtomicBoolean joined = new AtomicBoolean();
    CompletableFuture.delayedExecutor(JOIN_SECONDS, TimeUnit.SECONDS)
        .execute(
            () -> {
              if (!joined.get()) {
                socat.destroyForcibly();
              }
            });
    // socat logs this once both terminals and their links exist
    BufferedReader log = new BufferedReader(new InputStreamReader(socat.getInputStream(), UTF_8));
    StringBuilder seen = new StringBuilder();
    for (String line = log.readLine(); line != null; line = log.readLine()) {
      seen.append(line).append('\n');
      if (line.contains("starting data transfer loop")) {
        joined.set(true);
        return new PtyPair(socat);
      }
    }
    throw new IOException("socat ended before joining the terminals:\n" + seen);
  }

  @Override
  public void close() {
    socat.destroy();
    try {
      if (!socat.waitFor(5, TimeUnit.SECONDS)) {
        socat.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      socat.getInputStream().close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the log pipe is gone with the process
    }
  }
}
