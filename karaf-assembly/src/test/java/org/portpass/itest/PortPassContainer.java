package org.portpass.itest;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/**
 * Boots the real PortPass assembly (the zip this module builds) in a fresh Karaf, on free ports, on
 * Derby or, with {@code -Dportpass.database=postgresql}, on a new PostgreSQL database that is
 * dropped when the test JVM ends. Runs in the test driver, not in the container.
 */
public final class PortPassContainer {
  private static final String DATASOURCE = "etc/org.ops4j.datasource-portpass.cfg";

  private PortPassContainer() {}

  public static Option[] options() {
    String zip = System.getProperty("portpass.assembly");
    int http = freePort();
    List<Option> options = new ArrayList<>();
    options.add(
        karafDistributionConfiguration()
            .frameworkUrl("file:" + new File(zip).getAbsolutePath())
            .karafVersion(System.getProperty("karaf.version"))
            .name("PortPass")
            .unpackDirectory(new File("target/exam"))
            .useDeployFolder(false));
    options.add(configureConsole().ignoreLocalConsole());
    // on a loaded build machine a boot can take minutes: wait for it rather than fail the class
    options.add(systemTimeout(600_000));
    // the probe's wait for Pax Exam's injector and every @Inject service: the default 10 s is
    // shorter than the boot of the whole server when two containers start side by side
    options.add(systemProperty("pax.exam.service.timeout").value("300000"));
    // the probe's JUnit invoker waits for Pax Exam's injector 10 s by default (a property of the
    // invoker factory's own, read by pax-exam-invoker-junit 4.14.0; swissbox's lookups have
    // theirs); a probe installed while Karaf still starts the server's bundles gave up after it,
    // no test of the class could run, and each waited 5 minutes for an invoker that never came
    // (CI's timeout of 2026-12-02, and again on 2026-12-03 in AuthorizationMatrixIT: "gave up
    // waiting for service org.ops4j.pax.exam.util.Injector" 10 s after the probe was installed).
    // The extender's parser waits for the invoker factory with a timeout of its own, also 10 s:
    // on a machine busy with other builds it gave up ("gave up waiting for service
    // org.ops4j.pax.exam.ProbeInvokerFactory", ThrottlingIT on 2026-12-03, a 56 s thread stall)
    for (String timeout :
        List.of(
            "org.ops4j.pax.exam.invoker.junit.internal.JUnitProbeInvokerFactory.DEFAULT_TIMEOUT",
            "org.ops4j.pax.exam.raw.extender.intern.Parser.DEFAULT_TIMEOUT",
            "org.ops4j.pax.swissbox.tracker.ServiceLookup.DEFAULT_TIMEOUT")) {
      options.add(systemProperty(timeout).value("300000"));
    }
    // Pax Exam's own boot features (its extender, JUnit) make Karaf refresh bundles that were
    // already started, which the production boot never does; on a busy machine a bundle restarted
    // by that refresh (pax-jdbc-derby, say) can fail to start, and the server never comes up
    options.add(
        editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "autoRefresh", "false"));
    options.add(logLevel(LogLevel.WARN));
    options.add(vmOption("-Djdk.util.zip.disableZip64ExtraFieldValidation=true"));
    options.add(vmOption("-Dliquibase.analytics.enabled=false"));
    options.add(vmOption("-Xmx768m"));
    options.add(vmOption("-Djava.awt.headless=true"));
    options.add(
        editConfigurationFilePut(
            "etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(http)));
    options.add(
        editConfigurationFilePut(
            "etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())));
    options.add(
        editConfigurationFilePut(
            "etc/org.apache.karaf.management.cfg",
            "rmiRegistryPort",
            Integer.toString(freePort())));
    options.add(
        editConfigurationFilePut(
            "etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())));
    options.add(systemProperty("portpass.it.port").value(Integer.toString(http)));
    if (Exchanges.directory() != null) { // the container records what its tests receive
      options.add(
          systemProperty(Exchanges.DIRECTORY)
              .value(Exchanges.directory().toAbsolutePath().toString()));
    }
    options.addAll(mtnet());
    String database = System.getProperty("portpass.database", "derby");
    options.add(systemProperty("portpass.it.database").value(database));
    if (database.equals("postgresql")) {
      options.addAll(postgresql());
    }
    return options.toArray(new Option[0]);
  }

  /**
   * MTNet configured with the test issuer, whose private key only the tests know (handed to the
   * container as a system property, so the tests can sign assertions as MTNet would).
   */
  private static List<Option> mtnet() {
    List<Option> options = new ArrayList<>();
    MtnetIssuer.configuration()
        .forEach(
            (key, value) ->
                options.add(editConfigurationFilePut("etc/" + MtnetIssuer.CONFIG, key, value)));
    options.add(systemProperty(MtnetIssuer.KEY_PROPERTY).value(MtnetIssuer.privateKeyText()));
    return options;
  }

  /** A new, empty database on the PostgreSQL server, configured as PortPass's datasource. */
  private static List<Option> postgresql() {
    String host = System.getProperty("portpass.postgresql.host", "127.0.0.1");
    String port = System.getProperty("portpass.postgresql.port", "5432");
    String name = "portpass_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
    execute(admin, "CREATE DATABASE " + name);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> execute(admin, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")));
    List<Option> options = new ArrayList<>();
    options.add(
        editConfigurationFilePut(DATASOURCE, "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver"));
    options.add(
        editConfigurationFilePut(
            DATASOURCE, "url", "jdbc:postgresql://" + host + ":" + port + "/" + name));
    options.add(editConfigurationFilePut(DATASOURCE, "user", "postgres"));
    options.add(editConfigurationFilePut(DATASOURCE, "password", ""));
    POSTGRESQL_TIMEOUTS.forEach(
        (key, value) -> options.add(editConfigurationFilePut(DATASOURCE, key, value)));
    options.add(
        editConfigurationFileExtend(
            "etc/org.apache.karaf.features.cfg", "featuresBoot", "portpass-postgresql"));
    return options;
  }

  /**
   * The PostgreSQL driver's timeouts (seconds) that docs/operations.md gives a production
   * datasource, so the tests run the configuration an operator is told to write.
   */
  static final Map<String, String> POSTGRESQL_TIMEOUTS =
      Map.of(
          "connectTimeout",
          "2",
          "loginTimeout",
          "3",
          "socketTimeout",
          "30",
          "tcpKeepAlive",
          "true");

  private static void execute(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("PostgreSQL: " + sql + " failed: " + e.getMessage(), e);
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
