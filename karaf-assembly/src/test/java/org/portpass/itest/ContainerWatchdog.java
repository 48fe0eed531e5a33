package org.portpass.itest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends a test class whose container stops making progress, so that a hang fails one class in
 * minutes instead of holding the build until CI's limit (Surefire's own fork timeout does not
 * always kill a fork). A Pax Exam call into the container has no time limit, and neither has the
 * container's stop: it waits for the Karaf process to exit by itself.
 *
 * <p>Runs in the test driver (registered as a JUnit Platform listener). When no test has started or
 * finished for too long, it writes the thread dumps of the driver and of every process it started
 * (the Karaf container, a browser) to the class's output and to {@code target/watchdog/}, then
 * kills those processes: the call in progress fails, the stop returns. A driver that still makes no
 * progress a minute later is halted.
 */
public final class ContainerWatchdog implements TestExecutionListener {
  /** Longer than a container's boot (Pax Exam's system timeout is ten minutes). */
  private static final Duration QUIET_IN_TEST = Duration.ofMinutes(12);

  /** Between two tests, and for the container's stop after the last one. */
  private static final Duration QUIET_BETWEEN_TESTS = Duration.ofMinutes(3);

  /** A class's whole run: a container that answers every test slowly is also stuck. */
  private static final Duration CLASS_LIMIT = Duration.ofMinutes(25);

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "portpass-container-watchdog");
            thread.setDaemon(true);
            return thread;
          });
  private Instant classLimit;
  private ScheduledFuture<?> alarm;
  private String current = "the start";

  @Override
  public synchronized void testPlanExecutionStarted(TestPlan plan) {
    classLimit = Instant.now().plus(CLASS_LIMIT);
    arm(QUIET_IN_TEST);
  }

  @Override
  public synchronized void executionStarted(TestIdentifier test) {
    current = test.getDisplayName();
    arm(QUIET_IN_TEST);
  }

  @Override
  public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
    current = "after " + test.getDisplayName();
    arm(QUIET_BETWEEN_TESTS);
  }

  @Override
  public synchronized void testPlanExecutionFinished(TestPlan plan) {
    current = "the end of the test run";
    arm(QUIET_BETWEEN_TESTS);
  }

  private void arm(Duration quiet) {
    if (alarm != null) {
      alarm.cancel(false);
    }
    Instant due = Instant.now().plus(quiet);
    if (classLimit != null && classLimit.isBefore(due)) {
      due = classLimit;
    }
    long delay = Math.max(0, Duration.between(Instant.now(), due).toMillis());
    String reason = "no progress since " + current + " (limit " + quiet + ")";
    alarm = timer.schedule(() -> expire(reason), delay, TimeUnit.MILLISECONDS);
  }

  private synchronized void expire(String reason) {
    String report = "PortPass container watchdog: " + reason + "\n" + dumps();
    System.err.println(report);
    save(report);
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    alarm =
        timer.schedule(
            () -> {
              System.err.println("PortPass container watchdog: the driver is still stuck, halting");
              System.err.println(driverThreads());
              Runtime.getRuntime().halt(3);
            },
            1,
            TimeUnit.MINUTES);
  }

  /** The driver's threads, then each child process's (jcmd is beside the JVM's java). */
  private static String dumps() {
    StringBuilder out = new StringBuilder("--- test driver\n").append(driverThreads());
    Path jcmd =
        Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
    ProcessHandle.current()
        .descendants()
        .forEach(
            child -> {
              out.append("--- process ")
                  .append(child.pid())
                  .append(' ')
                  .append(child.info().commandLine().orElse("?"))
                  .append('\n');
              if (child.info().command().orElse("").endsWith("java")) {
                out.append(run(jcmd.toString(), Long.toString(child.pid()), "Thread.print"));
              }
            });
    return out.toString();
  }

  private static String driverThreads() {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
      out.append('"').append(e.getKey().getName()).append("\" ").append(e.getKey().getState());
      for (StackTraceElement frame : e.getValue()) {
        out.append("\n    at ").append(frame);
      }
      out.append("\n\n");
    }
    return out.toString();
  }

  /** A command's output, waited for 30 s at most (an attach to a stuck JVM can hang). */
  private static String run(String... command) {
    try {
      Path output = Files.createTempFile("watchdog", ".txt");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
      String text = Files.readString(output);
      Files.delete(output);
      return text;
    } catch (IOException e) {
      return "(" + String.join(" ", command) + " failed: " + e.getMessage() + ")\n";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "(interrupted)\n";
    }
  }

  /** Kept beside the reports, where CI's script prints it from when the build fails. */
  private static void save(String report) {
    try {
      Path dir = Files.createDirectories(Path.of("target", "watchdog"));
      Files.writeString(dir.resolve("watchdog-" + ProcessHandle.current().pid() + ".txt"), report);
    } catch (IOException e) {
      System.err.println("PortPass container watchdog: cannot save the report: " + e);
    }
  }
}
