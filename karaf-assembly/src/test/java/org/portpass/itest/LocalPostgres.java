package org.portpass.itest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of a test's own: {@code initdb} into a temporary folder and {@code pg_ctl} on
 * a free port of 127.0.0.1, so the test may stop and start it at will without touching the shared
 * server. PostgreSQL refuses to run as root: as root (CI), every command runs as the user {@code
 * postgres}, which owns the data folder.
 */
final class LocalPostgres implements AutoCloseable {
  private static final String SUPERUSER = "postgres";

  private final Path bin;
  private final Path root;
  private final Path data;
  private final int port;
  private final boolean asRoot;

  private LocalPostgres(Path bin, Path root, int port) {
    this.bin = bin;
    this.root = root;
    this.data = root.resolve("data");
    this.port = port;
    this.asRoot = "root".equals(System.getProperty("user.name"));
  }

  /** The newest PostgreSQL installed under /usr/lib/postgresql, if any. */
  static Optional<Path> binaries() {
    Path versions = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(versions)) {
      return Optional.empty();
    }
    try (Stream<Path> all = Files.list(versions)) {
      return all.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .max(Comparator.comparing(b -> versionOf(b.getParent())));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int versionOf(Path folder) {
    String name = folder.getFileName().toString();
    return name.matches("\\d+") ? Integer.parseInt(name) : 0;
  }

  /** A new cluster in a new folder (trust authentication, superuser postgres); not started. */
  static LocalPostgres create(Path bin) throws IOException, InterruptedException {
    Path root = Files.createTempDirectory("portpass-pg-");
    // the postgres user must reach its data folder inside a root-owned temporary folder
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    LocalPostgres pg = new LocalPostgres(bin, root, freePort());
    Files.createDirectories(pg.data);
    if (pg.asRoot) {
      pg.run(30, "chown", "-R", SUPERUSER, root.toString());
    }
    pg.runAsOwner(
        120,
        bin.resolve("initdb").toString(),
        "-D",
        pg.data.toString(),
        "-U",
        SUPERUSER,
        "-A",
        "trust",
        "-E",
        "UTF8",
        "--no-sync");
    return pg;
  }

  /** Starts the server and waits until it accepts connections. */
  void start() throws IOException, InterruptedException {
    runAsOwner(
        60,
        bin.resolve("pg_ctl").toString(),
        "start",
        "-w",
        "-D",
        data.toString(),
        "-l",
        root.resolve("postgres.log").toString(),
        "-o",
        // no fsync: an immediate stop is a crash of PostgreSQL, not of the machine, so what was
        // committed is in the write-ahead log in the OS's cache either way; a start is quicker
        "-p " + port + " -k " + root + " -c listen_addresses=127.0.0.1 -c fsync=off");
  }

  /** Stops the server at once, as a crash would: connections are cut, no checkpoint is written. */
  void stopImmediately() throws IOException, InterruptedException {
    runAsOwner(
        60, bin.resolve("pg_ctl").toString(), "stop", "-m", "immediate", "-D", data.toString());
  }

  String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  String user() {
    return SUPERUSER;
  }

  Path log() {
    return root.resolve("postgres.log");
  }

  /** Stops the server if it runs and deletes its folder. */
  @Override
  public void close() throws IOException, InterruptedException {
    if (Files.exists(data.resolve("postmaster.pid"))) {
      runAsOwner(60, bin.resolve("pg_ctl").toString(), "stop", "-m", "fast", "-D", data.toString());
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }

  private void runAsOwner(int seconds, String... command) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>();
    if (asRoot) {
      line.addAll(List.of("runuser", "-u", SUPERUSER, "--"));
    }
    line.addAll(List.of(command));
    run(seconds, line.toArray(new String[0]));
  }

  private void run(int seconds, String... command) throws IOException, InterruptedException {
    Path output = Files.createTempFile("portpass-pg-command-", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + ": no end after " + seconds + " s");
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command)
                + " failed ("
                + process.exitValue()
                + "): "
                + Files.readString(output));
      }
    } finally {
      Files.deleteIfExists(output);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
