package org.portpass.application.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.portpass.application.internal.service.ApplicationServices.ADMIN;
import static org.portpass.application.internal.service.ApplicationServices.TODAY;
import static org.portpass.application.internal.service.ApplicationServices.line;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portpass.application.ApplicationConflicts;
import org.portpass.application.FormInput;
import org.portpass.application.PassType;
import org.portpass.application.Standing;
import org.portpass.application.SubjectKind;
import org.portpass.application.Violation;
import org.portpass.application.ViolationInput;
import org.portpass.application.ViolationType;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.FieldError;
import org.portpass.core.ForbiddenException;
import org.portpass.core.Role;
import org.portpass.core.ValidationException;

/**
 * Violations and their bans (管制): a banned subject is refused at submission with the ban's end, a
 * company is suspended (停權) when its staff's violations reach the threshold, a port's own type
 * overrides the default, and bad input is refused whole before anything is stored.
 */
class SanctionsTest {
  private static final Caller KEL_POLICE =
      new Caller("kel-police", Set.of(Role.POLICE), null, Set.of("KEL"), "127.0.0.1", "test");
  private static final Caller KHH_POLICE =
      new Caller("khh-police", Set.of(Role.POLICE), null, Set.of("KHH"), "127.0.0.1", "test");

  private ApplicationServices app = new ApplicationServices();

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void aBannedPersonIsRefusedAtSubmissionWithTheEndOfTheBan() {
    long[] wang = app.personWithPhoto();
    Violation v = app.sanctions.record(KEL_POLICE, violation("lending", wang[0], TODAY));

    assertEquals("LENDING", v.type());
    assertEquals(LocalDate.of(2027, 8, 31), v.bannedUntil(), "6 months from 1 March");
    assertEquals(app.company.id(), v.companyId());
    Standing standing = app.sanctions.standing(KEL_POLICE, SubjectKind.PERSON, wang[0]);
    assertEquals(new Standing(LocalDate.of(2027, 8, 31), v.id(), true), standing);

    ValidationException refused =
        assertThrows(
            ValidationException.class,
            () -> app.submit(longTerm(wang, TODAY.plusDays(1), TODAY.plusDays(30))));
    FieldError error = refused.errors().get(0);
    assertEquals("lines/0/subjectId banned-until", error.field() + " " + error.messageKey());
    assertEquals(List.of("2027-08-31", String.valueOf(v.id())), error.arguments());

    // another person of the same company is not banned
    app.submit(longTerm(app.personWithPhoto(), TODAY.plusDays(1), TODAY.plusDays(30)));
  }

  @Test
  void aBanOverIsNoBanAndATypeWithoutBanBansNothing() {
    app.sanctions.defineType(ADMIN, type("WARNING_ONLY", ViolationType.ALL_PORTS, 0, true));
    long[] wang = app.personWithPhoto();
    // one month from 2026-12-01: over by 1 March 2027
    app.sanctions.record(KEL_POLICE, violation("OVERSTAY", wang[0], LocalDate.of(2026, 12, 1)));
    Violation warned = app.sanctions.record(KEL_POLICE, violation("WARNING_ONLY", wang[0], TODAY));

    assertNull(warned.bannedUntil());
    assertFalse(app.sanctions.standing(ADMIN, SubjectKind.PERSON, wang[0]).banned());
    app.submit(longTerm(wang, TODAY.plusDays(1), TODAY.plusDays(30)));
    assertEquals(2, app.sanctions.ofSubject(app.clerk, SubjectKind.PERSON, wang[0]).size());
  }

  @Test
  void theCompanyIsSuspendedWhenItsStaffsViolationsReachTheThreshold() {
    app.close();
    app =
        new ApplicationServices(
            Map.of(
                "companyViolationsForSuspension", "2",
                "companyViolationWindowDays", "90",
                "companySuspensionDays", "30"));
    app.sanctions.record(KEL_POLICE, violation("OVERSTAY", app.person().id(), TODAY.minusDays(40)));
    assertNull(app.sanctions.companySuspendedUntil(ADMIN, app.company.id()), "one is not two");
    app.sanctions.record(KEL_POLICE, violation("OVERSTAY", app.person().id(), TODAY.minusDays(3)));

    assertEquals(TODAY.plusDays(26), app.sanctions.companySuspendedUntil(ADMIN, app.company.id()));
    ConflictException refused =
        assertThrows(
            ConflictException.class,
            () ->
                app.submit(longTerm(app.personWithPhoto(), TODAY.plusDays(1), TODAY.plusDays(9))));
    assertEquals(ApplicationConflicts.COMPANY_SUSPENDED, refused.code());
    assertEquals(List.of(TODAY.plusDays(26).toString()), List.of(refused.arguments()));
  }

  @Test
  void aPortsOwnTypeOverridesTheDefaultThereOnly() {
    app.sanctions.defineType(ADMIN, type("lending", "kel", 3, false));

    ViolationType atKeelung = find(app.sanctions.types("KEL"), "LENDING");
    assertEquals(new ViolationType("LENDING", "KEL", "Name lending", "名稱", 3, false), atKeelung);
    assertEquals(6, find(app.sanctions.types("KHH"), "LENDING").banMonths());
    assertEquals(9, app.sanctions.types("KEL").size(), "the port keeps the other defaults");

    Violation v = app.sanctions.record(KEL_POLICE, violation("LENDING", app.person().id(), TODAY));
    assertEquals(LocalDate.of(2027, 5, 31), v.bannedUntil());
    assertFalse(v.singleVisitAllowed());
  }

  @Test
  void onlyThePoliceAndSupervisorsOfThePortRecordAndOnlyAdministratorsDefineTypes() {
    long person = app.person().id();
    assertThrows(
        ForbiddenException.class,
        () -> app.sanctions.record(app.clerk, violation("OVERSTAY", person, TODAY)));
    assertThrows(
        ForbiddenException.class,
        () -> app.sanctions.record(KHH_POLICE, violation("OVERSTAY", person, TODAY)));
    assertThrows(
        ForbiddenException.class,
        () -> app.sanctions.defineType(KEL_POLICE, type("OVERSTAY", "KEL", 0, true)));
    assertEquals(List.of(), app.sanctions.ofSubject(ADMIN, SubjectKind.PERSON, person));
    assertEquals(1, find(app.sanctions.types("KEL"), "OVERSTAY").banMonths());
  }

  @Test
  void everyProblemOfAViolationIsToldAtOnceAndNothingIsStored() {
    long person = app.person().id();
    ValidationException refused =
        assertThrows(
            ValidationException.class,
            () ->
                app.sanctions.record(
                    KEL_POLICE,
                    new ViolationInput(
                        null, -1L, "9x", TODAY.plusDays(1), "XXX", null, "n".repeat(1001))));
    assertEquals(
        List.of(
            "type violation-code",
            "port one-of",
            "occurredOn occurred-within-year",
            "subjectKind subject-or-seized-pass",
            "subjectId at-least",
            "note max-length"),
        refused.errors().stream().map(e -> e.field() + " " + e.messageKey()).toList());

    ValidationException unknownType =
        assertThrows(
            ValidationException.class,
            () -> app.sanctions.record(KEL_POLICE, violation("NO_SUCH_TYPE", person, TODAY)));
    assertEquals("type", unknownType.errors().get(0).field());
    assertEquals(List.of(), app.sanctions.ofSubject(ADMIN, SubjectKind.PERSON, person));
  }

  private FormInput longTerm(long[] person, LocalDate from, LocalDate to) {
    return app.form(PassType.LONG_TERM, Set.of("KEL"), line(person, from, to));
  }

  private static ViolationInput violation(String type, long person, LocalDate on) {
    return new ViolationInput(SubjectKind.PERSON, person, type, on, "KEL", null, "seen at gate 3");
  }

  private static ViolationType type(String code, String port, int months, boolean singleVisit) {
    return new ViolationType(code, port, "Name " + code, "名稱", months, singleVisit);
  }

  private static ViolationType find(List<ViolationType> types, String code) {
    return types.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow();
  }
}
