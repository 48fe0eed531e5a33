package org.portpass.rules.khh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portpass.rules.khh.internal.Lines.FROM;
import static org.portpass.rules.khh.internal.Lines.config;
import static org.portpass.rules.khh.internal.Lines.person;
import static org.portpass.rules.khh.internal.Lines.vehicle;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.portpass.application.Finding;
import org.portpass.application.PassType;
import org.portpass.application.Severity;
import org.portpass.application.Stage;
import org.portpass.application.SubjectKind;

class TemporaryPassLengthRuleTest {
  /** The 30th day from {@link Lines#FROM}, first day included. */
  private static final LocalDate DAY_30 = LocalDate.of(2027, 1, 30);

  private final TemporaryPassLengthRule rule = new TemporaryPassLengthRule(config(30));

  @Test
  void idIsStable() {
    assertEquals("khh.temporary-length", rule.id());
  }

  @ParameterizedTest
  @EnumSource(SubjectKind.class)
  void temporaryPassOfExactlyTheLimitPasses(SubjectKind kind) {
    assertEquals(List.of(), rule.atSubmission(Lines.line(PassType.TEMPORARY, kind, FROM, DAY_30)));
  }

  @ParameterizedTest
  @EnumSource(SubjectKind.class)
  void temporaryPassOneDayOverTheLimitIsBlocked(SubjectKind kind) {
    Finding finding =
        single(rule.atSubmission(Lines.line(PassType.TEMPORARY, kind, FROM, DAY_30.plusDays(1))));

    assertEquals(Severity.BLOCKING, finding.severity());
    assertEquals("khh.temporary-length", finding.ruleId());
    assertEquals("KHH", finding.port());
    assertEquals("validTo", finding.field());
    assertEquals(
        "Kaohsiung allows temporary passes of at most 30 days, and this one runs 31 days from"
            + " 2027-01-01 to 2027-01-31: end it on 2027-01-30 at the latest",
        finding.message());
  }

  @Test
  void shortTemporaryPassesPass() {
    assertEquals(List.of(), rule.atSubmission(person(PassType.TEMPORARY, FROM, FROM)));
    assertEquals(List.of(), rule.atSubmission(person(PassType.TEMPORARY, FROM, FROM.plusDays(6))));
  }

  @Test
  void limitCountsAcrossMonthAndLeapDay() {
    LocalDate from = LocalDate.of(2028, 2, 15);
    // 2028 is a leap year: 15 Feb .. 15 Mar is 30 days, 16 Mar the 31st.
    assertEquals(
        List.of(), rule.atSubmission(vehicle(PassType.TEMPORARY, from, LocalDate.of(2028, 3, 15))));
    Finding finding =
        single(rule.atSubmission(vehicle(PassType.TEMPORARY, from, LocalDate.of(2028, 3, 16))));
    assertTrue(finding.message().endsWith("end it on 2028-03-15 at the latest"), finding.message());
  }

  @Test
  void longTermPassesAreNotConcerned() {
    assertEquals(List.of(), rule.atSubmission(person(PassType.LONG_TERM, FROM, FROM.plusYears(1))));
  }

  @Test
  void configuredLimitIsUsedInTheCheckAndTheMessage() {
    TemporaryPassLengthRule sevenDays = new TemporaryPassLengthRule(config(7));
    assertEquals(Map.of(PassType.TEMPORARY, 7), sevenDays.maxDays());

    assertEquals(
        List.of(), sevenDays.atSubmission(person(PassType.TEMPORARY, FROM, FROM.plusDays(6))));
    Finding finding =
        single(sevenDays.atSubmission(person(PassType.TEMPORARY, FROM, FROM.plusDays(7))));
    assertEquals(
        "Kaohsiung allows temporary passes of at most 7 days, and this one runs 8 days from"
            + " 2027-01-01 to 2027-01-08: end it on 2027-01-07 at the latest",
        finding.message());
  }

  @Test
  void oneDayLimitReadsAsOneDay() {
    TemporaryPassLengthRule oneDay = new TemporaryPassLengthRule(config(1));

    assertEquals(List.of(), oneDay.atSubmission(person(PassType.TEMPORARY, FROM, FROM)));
    assertEquals(
        "Kaohsiung allows temporary passes of at most 1 day, and this one runs 2 days from"
            + " 2027-01-01 to 2027-01-02: end it on 2027-01-01 at the latest",
        single(oneDay.atSubmission(person(PassType.TEMPORARY, FROM, FROM.plusDays(1)))).message());
  }

  @Test
  void configurationChangesApplyWithoutANewInstance() {
    var fortyDays = person(PassType.TEMPORARY, FROM, FROM.plusDays(39));
    assertEquals(1, rule.atSubmission(fortyDays).size());

    rule.modified(config(40));
    assertEquals(List.of(), rule.atSubmission(fortyDays));

    rule.modified(config(30));
    assertEquals(1, rule.atSubmission(fortyDays).size());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -5})
  void limitBelowOneDayFallsBackToTheDefault(int invalid) {
    TemporaryPassLengthRule misconfigured = new TemporaryPassLengthRule(config(invalid));

    assertEquals(List.of(), misconfigured.atSubmission(person(PassType.TEMPORARY, FROM, DAY_30)));
    assertEquals(
        1, misconfigured.atSubmission(person(PassType.TEMPORARY, FROM, DAY_30.plusDays(1))).size());
  }

  @Test
  void missingOrReversedDatesAreLeftToTheCore() {
    assertEquals(List.of(), rule.atSubmission(person(PassType.TEMPORARY, null, DAY_30)));
    assertEquals(List.of(), rule.atSubmission(person(PassType.TEMPORARY, FROM, null)));
    assertEquals(
        List.of(), rule.atSubmission(person(PassType.TEMPORARY, DAY_30.plusDays(90), FROM)));
  }

  @ParameterizedTest
  @EnumSource(Stage.class)
  void addsNothingAtReviewStages(Stage stage) {
    assertEquals(
        List.of(), rule.atStage(person(PassType.TEMPORARY, FROM, FROM.plusYears(1)), stage));
  }

  static Finding single(List<Finding> findings) {
    assertEquals(1, findings.size(), findings::toString);
    return findings.get(0);
  }
}
