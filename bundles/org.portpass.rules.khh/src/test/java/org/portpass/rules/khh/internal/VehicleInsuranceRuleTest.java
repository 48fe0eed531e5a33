package org.portpass.rules.khh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portpass.registry.AttachmentType.INSURANCE;
import static org.portpass.registry.AttachmentType.VEHICLE_REGISTRATION;
import static org.portpass.rules.khh.internal.Lines.FROM;
import static org.portpass.rules.khh.internal.Lines.TO;
import static org.portpass.rules.khh.internal.Lines.attachment;
import static org.portpass.rules.khh.internal.Lines.vehicle;
import static org.portpass.rules.khh.internal.TemporaryPassLengthRuleTest.single;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.portpass.application.Finding;
import org.portpass.application.PassType;
import org.portpass.application.Severity;
import org.portpass.application.SubjectKind;

class VehicleInsuranceRuleTest {
  private final VehicleInsuranceRule rule = new VehicleInsuranceRule();

  @Test
  void idIsStable() {
    assertEquals("khh.vehicle-insurance", rule.id());
  }

  @ParameterizedTest
  @EnumSource(PassType.class)
  void vehicleWithoutInsuranceIsBlocked(PassType type) {
    Finding finding =
        single(
            rule.atSubmission(
                Lines.line(
                    type,
                    SubjectKind.VEHICLE,
                    FROM,
                    TO,
                    attachment(VEHICLE_REGISTRATION, TO.plusYears(3)))));

    assertEquals(Severity.BLOCKING, finding.severity());
    assertEquals("khh.vehicle-insurance", finding.ruleId());
    assertEquals("KHH", finding.port());
    assertEquals("attachmentIds", finding.field());
    assertEquals(
        "Kaohsiung requires vehicle insurance: attach the insurance certificate, valid until at"
            + " least 2027-03-31",
        finding.message());
  }

  @Test
  void insuranceEndingOnTheLastDayOfThePassIsEnough() {
    assertEquals(List.of(), rule.atSubmission(vehicle(attachment(INSURANCE, TO))));
  }

  @Test
  void insuranceEndingAfterThePassIsEnough() {
    assertEquals(List.of(), rule.atSubmission(vehicle(attachment(INSURANCE, TO.plusMonths(6)))));
  }

  @Test
  void insuranceEndingOneDayBeforeThePassEndsIsBlockedNamingItsExpiry() {
    Finding finding = single(rule.atSubmission(vehicle(attachment(INSURANCE, TO.minusDays(1)))));

    assertEquals(Severity.BLOCKING, finding.severity());
    assertEquals("attachmentIds", finding.field());
    assertEquals(
        "The vehicle insurance attached expires on 2027-03-30, before the pass ends on"
            + " 2027-03-31: Kaohsiung requires insurance valid until at least 2027-03-31",
        finding.message());
  }

  @Test
  void insuranceWithoutValidUntilDateIsBlocked() {
    Finding finding = single(rule.atSubmission(vehicle(attachment(INSURANCE, null))));

    assertEquals(Severity.BLOCKING, finding.severity());
    assertEquals(
        "The vehicle insurance attached has no valid-until date: enter the date the policy ends;"
            + " Kaohsiung requires insurance valid until at least 2027-03-31",
        finding.message());
  }

  @Test
  void ofSeveralPoliciesOneCoveringThePassIsEnough() {
    assertEquals(
        List.of(),
        rule.atSubmission(
            vehicle(
                attachment(INSURANCE, FROM.minusDays(1)),
                attachment(INSURANCE, null),
                attachment(INSURANCE, TO))));
  }

  @Test
  void ofSeveralShortPoliciesTheLatestExpiryIsNamed() {
    Finding finding =
        single(
            rule.atSubmission(
                vehicle(
                    attachment(INSURANCE, LocalDate.of(2027, 2, 28)),
                    attachment(INSURANCE, null),
                    attachment(INSURANCE, LocalDate.of(2026, 12, 31)))));

    assertTrue(finding.message().contains("expires on 2027-02-28"), finding.message());
  }

  @Test
  void temporaryVehiclePassIsCheckedAgainstItsOwnEndDate() {
    LocalDate end = FROM.plusDays(9);

    assertEquals(
        List.of(),
        rule.atSubmission(
            Lines.line(
                PassType.TEMPORARY, SubjectKind.VEHICLE, FROM, end, attachment(INSURANCE, end))));
    assertTrue(
        single(
                rule.atSubmission(
                    Lines.line(
                        PassType.TEMPORARY,
                        SubjectKind.VEHICLE,
                        FROM,
                        end,
                        attachment(INSURANCE, end.minusDays(1)))))
            .isBlocking());
  }

  @ParameterizedTest
  @EnumSource(PassType.class)
  void personsAreNotConcerned(PassType type) {
    assertEquals(List.of(), rule.atSubmission(Lines.person(type, FROM, TO)));
  }

  @Test
  void lineWithoutEndDateIsLeftToTheCore() {
    assertEquals(List.of(), rule.atSubmission(Lines.vehicle(PassType.LONG_TERM, FROM, null)));
  }
}
