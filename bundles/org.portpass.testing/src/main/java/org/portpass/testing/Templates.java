package org.portpass.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Migrated databases to copy from. Liquibase takes about a second per changelog, so each list of
 * changelogs is migrated once per JVM into a template, backed up under {@code target/}, and every
 * test's database is restored from that backup (Derby's {@code createFrom}): the same schema, made
 * by the same changelogs, in a fraction of the time.
 */
final class Templates {
  private static final Path ROOT =
      Paths.get("target", "derby-templates", UUID.randomUUID().toString());
  private static final Map<String, Path> BACKUPS = new ConcurrentHashMap<>();

  /** Dropping an in-memory database takes Derby half a second: done off the test's thread. */
  private static final ExecutorService DROPS =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "derby-drops");
            thread.setDaemon(true);
            return thread;
          });

  private Templates() {}

  /**
   * Creates the in-memory database {@code name} as a copy of the template of {@code changelogs}.
   */
  static void restore(String name, String... changelogs) {
    Path backup = BACKUPS.computeIfAbsent(String.join(",", changelogs), key -> build(changelogs));
    try {
      DriverManager.getConnection("jdbc:derby:memory:" + name + ";createFrom=" + backup).close();
    } catch (SQLException e) {
      throw new IllegalStateException("restoring " + backup + " failed", e);
    }
  }

  static void drop(String name) {
    DROPS.execute(
        () -> {
          try {
            DriverManager.getConnection("jdbc:derby:memory:" + name + ";drop=true").close();
          } catch (SQLException dropped) {
            // Derby answers a successful drop with SQLState 08006
          }
        });
  }

  private static Path build(String... changelogs) {
    String name = "template-" + UUID.randomUUID();
    EmbeddedDataSource dataSource = new EmbeddedDataSource();
    dataSource.setDatabaseName("memory:" + name);
    dataSource.setCreateDatabase("create");
    for (String changelog : changelogs) {
      Migrations.apply(dataSource, changelog);
    }
    try (Connection connection = dataSource.getConnection();
        CallableStatement backup =
            connection.prepareCall("CALL SYSCS_UTIL.SYSCS_BACKUP_DATABASE(?)")) {
      Files.createDirectories(ROOT);
      backup.setString(1, ROOT.toAbsolutePath().toString());
      backup.execute();
    } catch (Exception e) {
      throw new IllegalStateException("backing up the migrated template failed", e);
    }
    drop(name);
    return ROOT.toAbsolutePath().resolve(name);
  }
}
