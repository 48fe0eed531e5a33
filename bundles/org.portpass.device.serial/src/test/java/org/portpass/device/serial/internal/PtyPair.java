package org.portpass.device.serial.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * A serial cable for tests: two pseudo-terminals joined by socat. The driver opens the desk end,
 * the simulator the device end; closing the pair is pulling the cable (socat removes both links).
 */
final class PtyPair implements AutoCloseable {
  private static final boolean SOCAT_INSTALLED = socatAnswers();

  private final Process socat;

  private PtyPair(Process socat) {
    this.socat = socat;
  }

  /**
   * Skips the calling test class when socat is missing, or fails it when the build requires the
   * serial tests ({@code -Dportpass.serial=required}, as CI does).
   */
  static void assumeSocat() {
    if (SOCAT_INSTALLED) {
      return;
    }
    String missing = "socat is not installed (Debian package socat), so the serial tests";
    if ("required".equals(System.getProperty("portpass.serial"))) {
      fail(missing + " cannot run, and -Dportpass.serial=required asks for them");
    }
    Assumptions.abort(missing + " are skipped; install socat to run them");
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

  private static boolean socatAnswers() {
    try {
      Process version = new ProcessBuilder("socat", "-V").redirectErrorStream(true).start();
      version.getInputStream().transferTo(OutputStream.nullOutputStream());
      return version.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
