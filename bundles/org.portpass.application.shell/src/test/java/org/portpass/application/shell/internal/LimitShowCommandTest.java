package org.portpass.application.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.portpass.application.LineStatus;
import org.portpass.application.Stage;
import org.portpass.core.PortDirectory;
import org.portpass.core.ValidationException;
import org.portpass.shell.Commands;

class LimitShowCommandTest {

  @Test
  void showsDefaultsWhenNotConfigured() {
    String out = limitShow(null);
    assertTrue(line(out, "maxLongTermDays").matches(".*\\b366\\b.*default.*"), out);
    assertTrue(line(out, "maxTemporaryDays").matches(".*\\b90\\b.*default.*"), out);
    assertTrue(line(out, "submissionsPerCompanyPerDay").matches(".*\\b50\\b.*default.*"), out);
    assertTrue(line(out, "temporaryPassesPerPersonPer30Days").matches(".*all.*\\b4\\b.*default.*"));
    assertTrue(out.contains("Known ports (configuration org.portpass.ports): KEL,KHH"), out);
  }

  @Test
  void showsConfiguredValuesAndPortOverrides() {
    Hashtable<String, Object> p = new Hashtable<>();
    p.put("service.pid", ApplicationConfig.PID);
    p.put("maxTemporaryDays", "30");
    p.put("submissionsPerCompanyPerDay", "lots");
    p.put("temporaryPassesPerPersonPer30Days", 3);
    p.put("KEL.temporaryPassesPerPersonPer30Days", "2");
    p.put("XYZ.temporaryPassesPerPersonPer30Days", "9");
    String out = limitShow(p);
    assertTrue(line(out, "maxLongTermDays").matches(".*\\b366\\b.*default.*"), out);
    assertTrue(line(out, "maxTemporaryDays").matches(".*\\b30\\b.*configured.*"), out);
    assertTrue(
        line(out, "submissionsPerCompanyPerDay").matches(".*\\b50\\b.*invalid 'lots'.*"), out);
    assertTrue(line(out, " all ").matches(".*\\b3\\b.*configured.*"), out);
    assertTrue(line(out, " KEL ").matches(".*\\b2\\b.*configured for port.*"), out);
    assertTrue(line(out, " XYZ ").contains("not a known port"), out);
  }

  @Test
  void lineStatesInFlowOrder() {
    Map<LineStatus, Integer> counts = new EnumMap<>(LineStatus.class);
    counts.put(LineStatus.RETURNED, 1);
    counts.put(LineStatus.REVIEW, 3);
    assertEquals("REVIEW:3 RETURNED:1", FormListCommand.lineStates(counts));
    assertEquals("-", FormListCommand.lineStates(Map.of()));
  }

  @Test
  void parsesEnumsIgnoringCase() {
    assertEquals(Stage.POLICE, Commands.parse(Stage.class, "stage", " police "));
    assertNull(Commands.parse(Stage.class, "stage", null));
    ValidationException e =
        assertThrows(ValidationException.class, () -> Commands.parse(Stage.class, "stage", "boss"));
    assertTrue(e.errors().get(0).message().contains("REVIEW, POLICE, SUPERVISOR"));
  }

  private static String line(String out, String containing) {
    return out.lines().filter(l -> l.contains(containing)).findFirst().orElse("");
  }

  private static String limitShow(Hashtable<String, Object> properties) {
    Configuration configuration =
        (Configuration)
            Proxy.newProxyInstance(
                LimitShowCommandTest.class.getClassLoader(),
                new Class<?>[] {Configuration.class},
                (proxy, method, args) ->
                    method.getName().equals("getProperties") ? properties : null);
    LimitShowCommand command = new LimitShowCommand();
    command.configAdmin =
        (ConfigurationAdmin)
            Proxy.newProxyInstance(
                LimitShowCommandTest.class.getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class},
                (proxy, method, args) ->
                    method.getName().equals("listConfigurations") && properties != null
                        ? new Configuration[] {configuration}
                        : null);
    command.portDirectory =
        (PortDirectory)
            Proxy.newProxyInstance(
                LimitShowCommandTest.class.getClassLoader(),
                new Class<?>[] {PortDirectory.class},
                (proxy, method, args) ->
                    method.getName().equals("codes") ? new TreeSet<>(Set.of("KHH", "KEL")) : null);
    PrintStream original = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      command.execute();
    } finally {
      System.setOut(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }
}
