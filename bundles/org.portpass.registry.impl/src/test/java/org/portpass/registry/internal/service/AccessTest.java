package org.portpass.registry.internal.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.portpass.core.Caller;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.Role;

class AccessTest {
  private static final long OWN = 1L;
  private static final long OTHER = 2L;

  private static Caller caller(Role role, Long companyId, String... ports) {
    return new Caller("u-" + role, Set.of(role), companyId, Set.of(ports), "127.0.0.1", null);
  }

  private final Caller companyUser = caller(Role.COMPANY_USER, OWN);
  private final Caller companyAdmin = caller(Role.COMPANY_ADMIN, OWN);
  private final Caller reviewer = caller(Role.REVIEWER, null, "HKG");
  private final Caller customerService = caller(Role.CUSTOMER_SERVICE, null);
  private final Caller admin = caller(Role.ADMIN, null);

  @Test
  void companyUserReadsOwnCompanyRecords() {
    assertDoesNotThrow(() -> Access.requireRead(companyUser, OWN, "person", 10));
  }

  @Test
  void companyUserWritesOwnCompanyRecords() {
    assertDoesNotThrow(() -> Access.requireWrite(companyUser, OWN, "person", 10));
  }

  @Test
  void otherCompanysRecordIsNotFoundForReading() {
    NotFoundException e =
        assertThrows(
            NotFoundException.class, () -> Access.requireRead(companyUser, OTHER, "person", 10));
    assertFalse(e.getMessage().contains("company"), e.getMessage());
  }

  @Test
  void otherCompanysRecordIsNotFoundForWriting() {
    assertThrows(
        NotFoundException.class, () -> Access.requireWrite(companyAdmin, OTHER, "vehicle", 5));
  }

  @Test
  void recordWithoutCompanyIsNotFoundForCompanyUser() {
    assertThrows(
        NotFoundException.class, () -> Access.requireRead(companyUser, null, "person", 10));
  }

  @Test
  void portStaffReadsAnyCompanysRecords() {
    assertDoesNotThrow(() -> Access.requireRead(reviewer, OWN, "person", 10));
    assertDoesNotThrow(() -> Access.requireRead(reviewer, OTHER, "vehicle", 5));
  }

  @Test
  void portStaffMayNotWrite() {
    assertThrows(ForbiddenException.class, () -> Access.requireWrite(reviewer, OWN, "person", 10));
  }

  @Test
  void portStaffMayNotChangeCompanySettings() {
    assertThrows(ForbiddenException.class, () -> Access.requireCompanyAdmin(reviewer, OWN));
  }

  @Test
  void customerServiceAndAdminMayDoEverything() {
    for (Caller staff : new Caller[] {customerService, admin}) {
      assertTrue(Access.isStaff(staff));
      assertDoesNotThrow(() -> Access.requireRead(staff, OTHER, "person", 10));
      assertDoesNotThrow(() -> Access.requireWrite(staff, OTHER, "person", 10));
      assertDoesNotThrow(() -> Access.requireWrite(staff, null, "person", 10));
      assertDoesNotThrow(() -> Access.requireCompanyAdmin(staff, OTHER));
      assertDoesNotThrow(() -> Access.requireStaff(staff, "verify companies"));
    }
  }

  @Test
  void companyAccountsAndPortStaffAreNotStaff() {
    for (Caller notStaff : new Caller[] {companyUser, companyAdmin, reviewer}) {
      assertFalse(Access.isStaff(notStaff));
      assertThrows(
          ForbiddenException.class, () -> Access.requireStaff(notStaff, "verify companies"));
    }
  }

  @Test
  void onlyPortRolesArePortStaff() {
    assertTrue(Access.isPortStaff(reviewer));
    assertTrue(Access.isPortStaff(caller(Role.POLICE, null, "HKG")));
    assertFalse(Access.isPortStaff(companyAdmin));
    assertFalse(Access.isPortStaff(customerService));
  }

  @Test
  void companyAdminChangesOwnCompany() {
    assertDoesNotThrow(() -> Access.requireCompanyAdmin(companyAdmin, OWN));
  }

  @Test
  void companyUserMayNotChangeOwnCompany() {
    assertThrows(ForbiddenException.class, () -> Access.requireCompanyAdmin(companyUser, OWN));
  }

  @Test
  void companyAdminOfAnotherCompanyDoesNotLearnItExists() {
    assertThrows(NotFoundException.class, () -> Access.requireCompanyAdmin(companyAdmin, OTHER));
  }

  @Test
  void companyAccountWithoutCompanyRoleMayNotWrite() {
    Caller card = new Caller("desk", Set.of(Role.CARD_DESK), OWN, Set.of("HKG"), "127.0.0.1", null);
    assertThrows(ForbiddenException.class, () -> Access.requireWrite(card, OWN, "person", 10));
  }
}
