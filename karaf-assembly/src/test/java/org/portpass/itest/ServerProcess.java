package org.portpass.itest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The PortPass server as an operator runs it: the assembly zip unpacked into a folder and started
 * with {@code bin/karaf server}, on free ports, stopped and started again at will. Used by the
 * restart test and the benchmark (which also points it at PostgreSQL).
 */
public final class ServerProcess implements AutoCloseable {
  private final Path home;
  private final int port;
  private Process process;

  private ServerProcess(Path home, int port) {
    this.home = home;
    this.port = port;
  }

  /** Unpacks the assembly into {@code parent} and picks free ports; not started yet. */
  public static ServerProcess unpack(Path zip, Path parent) throws IOException {
    Files.createDirectories(parent);
    Path home = null;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        Path target = parent.resolve(entry.getName()).normalize();
        if (!target.startsWith(parent)) {
          throw new IOException("zip entry outside the target: " + entry.getName());
        }
        if (home == null) {
          home = parent.resolve(Path.of(entry.getName()).getName(0));
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    }
    try (var scripts = Files.list(home.resolve("bin"))) {
      scripts.forEach(f -> f.toFile().setExecutable(true));
    }
    int port = freePort();
    ServerProcess server = new ServerProcess(home, port);
    server.configure("org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(port));
    server.configure("org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort()));
    server.configure(
        "org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort()));
    server.configure(
        "org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort()));
    return server;
  }

  /** Sets {@code key = value} in {@code etc/<file>}, replacing an earlier value. */
  public void configure(String file, String key, String value) throws IOException {
    Path path = home.resolve("etc").resolve(file);
    List<String> lines =
        Files.exists(path) ? new ArrayList<>(Files.readAllLines(path)) : new ArrayList<>();
    lines.removeIf(line -> line.matches("\\s*" + java.util.regex.Pattern.quote(key) + "\\s*=.*"));
    lines.add(key + " = " + value);
    Files.write(path, lines);
  }

  /**
   * Adds a feature to those installed at boot (e.g. the PostgreSQL driver); may be called again.
   */
  public void bootFeature(String feature) throws IOException {
    Path cfg = home.resolve("etc/org.apache.karaf.features.cfg");
    String text = Files.readString(cfg);
    Files.writeString(
        cfg, text.replaceFirst("featuresBoot *= *", "featuresBoot = " + feature + ", "));
  }

  /**
   * Boots {@code replacement} instead of the boot feature {@code feature} (a desk node boots its
   * desk's features instead of the server).
   */
  public void replaceBootFeature(String feature, String replacement) throws IOException {
    Path cfg = home.resolve("etc/org.apache.karaf.features.cfg");
    String text = Files.readString(cfg);
    String replaced =
        text.replaceFirst(
            java.util.regex.Pattern.quote(feature) + "(/[^,\\s]*)?",
            java.util.regex.Matcher.quoteReplacement(replacement));
    if (replaced.equals(text)) {
      throw new IllegalArgumentException(feature + " is not a boot feature of " + cfg);
    }
    Files.writeString(cfg, replaced);
  }

  /** Starts the server and returns the milliseconds until /api/v1/health answered UP. */
  public long start() throws IOException, InterruptedException {
    long begin = System.nanoTime();
    launch();
    awaitHealthy(begin);
    return (System.nanoTime() - begin) / 1_000_000;
  }

  /**
   * Starts the process without waiting for a REST API: a desk node has none. {@link #isAlive} tells
   * whether it is still running.
   */
  public void launch() throws IOException {
    ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server");
    builder.environment().put("KARAF_OPTS", "");
    builder.redirectErrorStream(true);
    builder.redirectOutput(home.resolve("console.log").toFile());
    process = builder.start();
  }

  public boolean isAlive() {
    return process != null && process.isAlive();
  }

  /**
   * Stops the server the way an operator would: SIGTERM to the Karaf JVM, which shuts its bundles
   * (and Derby) down cleanly, then waits for every process of the server to end.
   */
  public void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    for (ProcessHandle handle : all) {
      try {
        handle.onExit().get(60, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        handle.destroyForcibly();
        handle.onExit().join();
      }
    }
    process = null;
  }

  /** Kills the server as a power cut would: SIGKILL to every process of it, no shutdown at all. */
  public void kill() {
    if (process == null) {
      return;
    }
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroyForcibly);
    all.forEach(handle -> handle.onExit().join());
    process = null;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port + "/api/v1";
  }

  public Path home() {
    return home;
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }

  private void awaitHealthy(long begin) throws InterruptedException, IOException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).build();
    // resources register just after their schema is ready: 401 (not 404) means they are up
    HttpRequest me = HttpRequest.newBuilder(URI.create(baseUrl() + "/auth/me")).build();
    HttpRequest key = HttpRequest.newBuilder(URI.create(baseUrl() + "/pass-codes/key")).build();
    // The JAX-RS whiteboard redeploys its application as each resource arrives during start-up:
    // ready means health UP and the login and card resources (the last to come) answering
    // steadily for a second.
    int steady = 0;
    // a loaded machine boots slowly: -Dportpass.healthSeconds=600 waits longer
    int seconds = Integer.getInteger("portpass.healthSeconds", 180);
    while (System.nanoTime() - begin < TimeUnit.SECONDS.toNanos(seconds)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("server exited: see " + home.resolve("console.log"));
      }
      try {
        boolean up =
            http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
                && http.send(me, HttpResponse.BodyHandlers.discarding()).statusCode() == 401
                && http.send(key, HttpResponse.BodyHandlers.discarding()).statusCode() == 401;
        steady = up ? steady + 1 : 0;
        if (steady == 10) {
          return;
        }
      } catch (IOException e) {
        steady = 0; // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        "server not healthy after " + seconds + " s: see " + home.resolve("data/log/karaf.log"));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
