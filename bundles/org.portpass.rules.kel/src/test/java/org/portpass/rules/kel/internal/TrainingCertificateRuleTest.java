package org.portpass.rules.kel.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portpass.registry.AttachmentType.ID_COPY;
import static org.portpass.registry.AttachmentType.PHOTO;
import static org.portpass.registry.AttachmentType.TRAINING_CERTIFICATE;
import static org.portpass.rules.kel.internal.Lines.TO;
import static org.portpass.rules.kel.internal.Lines.attachment;
import static org.portpass.rules.kel.internal.Lines.config;
import static org.portpass.rules.kel.internal.Lines.defaults;
import static org.portpass.rules.kel.internal.Lines.person;
import static org.portpass.rules.kel.internal.Lines.vehicle;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.portpass.application.Finding;
import org.portpass.application.PassType;
import org.portpass.application.RuleContext;
import org.portpass.application.Severity;
import org.portpass.application.Stage;
import org.portpass.application.SubjectKind;

class TrainingCertificateRuleTest {
  private final TrainingCertificateRule rule = new TrainingCertificateRule(defaults());

  @Test
  void idIsStable() {
    assertEquals("kel.training-certificate", rule.id());
  }

  @Test
  void describesTheCertificateItRequires() {
    var requirement = rule.attachmentRequirements().get(0);
    assertEquals(1, rule.attachmentRequirements().size());
    assertEquals(SubjectKind.PERSON, requirement.subjectKind());
    assertEquals(TRAINING_CERTIFICATE, requirement.attachmentType());
    assertEquals(null, requirement.passType()); // temporary passes are concerned by default
    assertTrue(requirement.text().zhTw().contains("訓練"), requirement.text().zhTw());
    assertTrue(requirement.text().en().contains("training certificate"));
  }

  @ParameterizedTest
  @EnumSource(PassType.class)
  void personWithoutCertificateIsBlocked(PassType type) {
    List<Finding> findings = rule.atSubmission(person(type, attachment(PHOTO, null)));

    Finding finding = single(findings);
    assertEquals(Severity.BLOCKING, finding.severity());
    assertEquals("kel.training-certificate", finding.ruleId());
    assertEquals("KEL", finding.port());
    assertEquals("attachmentIds", finding.field());
    assertEquals(
        "Keelung requires a valid port-safety training certificate for persons:"
            + " attach one valid until at least 2027-03-31",
        finding.message());
    assertEquals("基隆港要求人員附有效的港區安全訓練證明：請附效期至少到 2027-03-31 的證明", finding.messageZhTw());
  }

  @Test
  void personWithNoAttachmentsAtAllIsBlocked() {
    assertTrue(single(rule.atSubmission(person(PassType.LONG_TERM))).isBlocking());
  }

  @Test
  void certificateValidUntilTheLastDayOfThePassIsEnough() {
    assertEquals(
        List.of(),
        rule.atSubmission(person(PassType.LONG_TERM, attachment(TRAINING_CERTIFICATE, TO))));
  }

  @Test
  void certificateValidBeyondThePassIsEnough() {
    assertEquals(
        List.of(),
        rule.atSubmission(
            person(PassType.LONG_TERM, attachment(TRAINING_CERTIFICATE, TO.plusYears(2)))));
  }

  @Test
  void certificateWithoutExpiryDateIsEnough() {
    assertEquals(
        List.of(),
        rule.atSubmission(person(PassType.LONG_TERM, attachment(TRAINING_CERTIFICATE, null))));
  }

  @Test
  void certificateExpiringOneDayBeforeThePassEndsIsBlockedNamingItsExpiry() {
    Finding finding =
        single(
            rule.atSubmission(
                person(PassType.LONG_TERM, attachment(TRAINING_CERTIFICATE, TO.minusDays(1)))));

    assertEquals(Severity.BLOCKING, finding.severity());
    assertEquals("attachmentIds", finding.field());
    assertEquals(
        "The port-safety training certificate attached expires on 2027-03-30, before the pass"
            + " ends on 2027-03-31: Keelung requires one valid until at least 2027-03-31",
        finding.message());
  }

  @Test
  void ofSeveralExpiredCertificatesTheLatestIsNamed() {
    Finding finding =
        single(
            rule.atSubmission(
                person(
                    PassType.LONG_TERM,
                    attachment(TRAINING_CERTIFICATE, LocalDate.of(2026, 5, 1)),
                    attachment(TRAINING_CERTIFICATE, LocalDate.of(2027, 2, 1)),
                    attachment(TRAINING_CERTIFICATE, LocalDate.of(2025, 1, 1)))));

    assertTrue(finding.message().contains("expires on 2027-02-01"), finding.message());
  }

  @Test
  void oneValidCertificateAmongExpiredOnesIsEnough() {
    assertEquals(
        List.of(),
        rule.atSubmission(
            person(
                PassType.LONG_TERM,
                attachment(TRAINING_CERTIFICATE, TO.minusMonths(1)),
                attachment(TRAINING_CERTIFICATE, TO))));
  }

  @Test
  void otherDocumentsValidLongEnoughDoNotCount() {
    assertTrue(
        single(rule.atSubmission(person(PassType.LONG_TERM, attachment(ID_COPY, TO.plusYears(5)))))
            .isBlocking());
  }

  @ParameterizedTest
  @EnumSource(PassType.class)
  void vehiclesAreNotConcerned(PassType type) {
    assertEquals(List.of(), rule.atSubmission(vehicle(type)));
  }

  @Test
  void temporaryPassesAreExemptWhenConfiguredSo() {
    TrainingCertificateRule exempting = new TrainingCertificateRule(config(false));

    assertEquals(List.of(), exempting.atSubmission(person(PassType.TEMPORARY)));
    assertTrue(single(exempting.atSubmission(person(PassType.LONG_TERM))).isBlocking());
  }

  @Test
  void configurationChangesApplyWithoutANewInstance() {
    RuleContext temporary = person(PassType.TEMPORARY);

    rule.modified(config(false));
    assertEquals(List.of(), rule.atSubmission(temporary));

    rule.modified(defaults());
    assertTrue(single(rule.atSubmission(temporary)).isBlocking());
  }

  @Test
  void lineWithoutEndDateIsLeftToTheCore() {
    RuleContext noEnd =
        Lines.line(
            PassType.LONG_TERM, SubjectKind.PERSON, Lines.FROM, null, attachment(PHOTO, null));

    assertEquals(List.of(), rule.atSubmission(noEnd));
  }

  @ParameterizedTest
  @EnumSource(Stage.class)
  void addsNothingAtReviewStages(Stage stage) {
    assertEquals(List.of(), rule.atStage(person(PassType.LONG_TERM), stage));
  }

  static Finding single(List<Finding> findings) {
    assertEquals(1, findings.size(), findings::toString);
    return findings.get(0);
  }
}
