package org.portpass.rules.khh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portpass.application.Finding;
import org.portpass.application.PassType;
import org.portpass.application.Severity;
import org.portpass.application.Stage;

class LongPassConfirmationRuleTest {
  private final LongPassConfirmationRule rule = new LongPassConfirmationRule();

  @Test
  void remindsTheSupervisorOfALongTermPassOfHalfAYearOrMore() {
    List<Finding> found =
        rule.atStage(
            Lines.person(PassType.LONG_TERM, Lines.FROM, Lines.FROM.plusDays(182)),
            Stage.SUPERVISOR);
    assertEquals(1, found.size());
    Finding f = found.get(0);
    assertEquals(Severity.WARNING, f.severity());
    assertEquals("KHH", f.port());
    assertTrue(f.message().contains("183 days"), f.message());
  }

  @Test
  void staysSilentOtherwise() {
    var year = Lines.person(PassType.LONG_TERM, Lines.FROM, Lines.FROM.plusDays(364));
    assertEquals(List.of(), rule.atSubmission(year));
    assertEquals(List.of(), rule.atStage(year, Stage.REVIEW));
    assertEquals(List.of(), rule.atStage(year, Stage.POLICE));
    var shorter = Lines.vehicle(PassType.LONG_TERM, Lines.FROM, Lines.FROM.plusDays(181));
    assertEquals(List.of(), rule.atStage(shorter, Stage.SUPERVISOR));
    var temporary = Lines.person(PassType.TEMPORARY, Lines.FROM, Lines.FROM.plusDays(200));
    assertEquals(List.of(), rule.atStage(temporary, Stage.SUPERVISOR));
  }
}
