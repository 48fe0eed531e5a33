package org.portpass.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DatesTest {
  @Test
  void plainIsoDatesInRangeAreTaken() {
    assertEquals(LocalDate.of(1990, 1, 1), Dates.parseOrNull("1990-01-01"));
    assertEquals(LocalDate.of(1900, 1, 1), Dates.parseOrNull("1900-01-01"));
    assertEquals(LocalDate.of(2199, 12, 31), Dates.parseOrNull("2199-12-31"));
    assertEquals(LocalDate.of(2024, 2, 29), Dates.parseOrNull("2024-02-29"));
  }

  @Test
  void everyOtherSpellingIsRefused() {
    for (String bad :
        new String[] {
          "1990-01-01T00:00:00Z",
          "1990-01-01T00:00",
          "-0001-01-01",
          "+2024-01-01",
          "10000-01-01",
          "1899-12-31",
          "2200-01-01",
          "2023-02-29",
          "2024-13-01",
          "2024-1-1",
          " 2024-01-01",
          "2024-01-01 ",
          "２０２４-01-01",
          "20240101",
          ""
        }) {
      assertNull(Dates.parseOrNull(bad), bad);
    }
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> Dates.parse("validUntil", "+999999999-12-31"));
    assertEquals("validUntil", e.errors().get(0).field());
    assertNull(Dates.parse("validUntil", null));
  }
}
