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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.portpass.application.ApplicationLimits;
import org.portpass.application.ApplicationLimits.Limit;
import org.portpass.application.ApplicationService;
import org.portpass.application.LineStatus;
import org.portpass.application.Stage;
import org.portpass.core.PortDirectory;
import org.portpass.core.ValidationException;
import org.portpass.shell.Commands;

class LimitShowCommandTest {

  @Test
  void showsEveryLimitWithItsPortSourceAndMeaning() {
    String out =
        limitShow(
            new ApplicationLimits(
                List.of(
                    new Limit("maxLongTermDays", null, 366, "default", "Longest validity"),
                    new Limit("temporaryPassesPerPersonPer30Days", null, 3, "configured", "Per"),
                    new Limit(
                        "temporaryPassesPerPersonPer30Days",
                        "KEL",
                        2,
                        "configured for port",
                        "Per"))));
    assertTrue(
        line(out, "maxLongTermDays")
            .matches(".*maxLongTermDays.*-.*\\b366\\b.*default.*Longest validity.*"),
        out);
    assertTrue(line(out, " all ").matches(".*\\b3\\b.*configured.*"), out);
    assertTrue(line(out, " KEL ").matches(".*\\b2\\b.*configured for port.*"), out);
    assertTrue(out.contains("Known ports (configuration org.portpass.ports): KEL,KHH"), out);
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

  private static String limitShow(ApplicationLimits limits) {
    LimitShowCommand command = new LimitShowCommand();
    command.applications =
        (ApplicationService)
            Proxy.newProxyInstance(
                LimitShowCommandTest.class.getClassLoader(),
                new Class<?>[] {ApplicationService.class},
                (proxy, method, args) -> method.getName().equals("limits") ? limits : null);
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
