package org.portpass.registry.internal.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.FieldError;
import org.portpass.core.ForbiddenException;
import org.portpass.core.Role;
import org.portpass.core.ValidationException;

class OwnersTest {
  private final Checks checks = new Checks();

  private static Caller caller(Role role, Long companyId) {
    return new Caller("u", Set.of(role), companyId, Set.of(), "127.0.0.1", null);
  }

  private List<String> errorFields() {
    return assertThrows(ValidationException.class, checks::throwIfAny).errors().stream()
        .map(FieldError::field)
        .toList();
  }

  @Test
  void staffChoosesTheCompanyFreely() {
    assertEquals(7L, Owners.companyFor(caller(Role.CUSTOMER_SERVICE, null), 7L, checks));
    assertEquals(8L, Owners.companyFor(caller(Role.ADMIN, 3L), 8L, checks));
    assertDoesNotThrow(checks::throwIfAny);
  }

  @Test
  void staffWithoutChoiceGetsNoCompanyAndNoErrorHere() {
    assertNull(Owners.companyFor(caller(Role.ADMIN, null), null, checks));
    assertDoesNotThrow(checks::throwIfAny);
  }

  @Test
  void companyAccountGetsOwnCompanyFilledIn() {
    assertEquals(3L, Owners.companyFor(caller(Role.COMPANY_USER, 3L), null, checks));
    assertDoesNotThrow(checks::throwIfAny);
  }

  @Test
  void companyAccountNamingOwnCompanyIsAccepted() {
    assertEquals(3L, Owners.companyFor(caller(Role.COMPANY_ADMIN, 3L), 3L, checks));
    assertDoesNotThrow(checks::throwIfAny);
  }

  @Test
  void companyAccountNamingAnotherCompanyIsRefused() {
    Long company = Owners.companyFor(caller(Role.COMPANY_ADMIN, 3L), 4L, checks);
    assertEquals(3L, company);
    assertEquals(List.of("companyId"), errorFields());
  }

  @Test
  void accountWithoutCompanyIsRefused() {
    assertNull(Owners.companyFor(caller(Role.COMPANY_USER, null), null, checks));
    assertEquals(List.of("companyId"), errorFields());
  }

  @Test
  void portStaffCannotRegisterRecords() {
    ForbiddenException e =
        assertThrows(
            ForbiddenException.class,
            () -> Owners.companyFor(caller(Role.REVIEWER, null), 4L, checks));
    assertEquals("forbidden", e.code());
  }

  @Test
  void matchingVersionPasses() {
    assertDoesNotThrow(() -> Owners.requireVersion("person 1", 4, 4));
  }

  @Test
  void staleVersionIsConflictOnVersionField() {
    ConflictException e =
        assertThrows(ConflictException.class, () -> Owners.requireVersion("person 1", 3, 4));
    assertEquals("stale-version", e.code());
    assertEquals("version", e.field());
  }
}
