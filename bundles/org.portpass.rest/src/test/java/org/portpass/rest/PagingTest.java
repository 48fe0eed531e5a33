package org.portpass.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.portpass.core.FieldError;
import org.portpass.core.PageRequest;
import org.portpass.core.ValidationException;

class PagingTest {

  private static List<String> refusedFields(Executable call) {
    ValidationException e = assertThrows(ValidationException.class, call);
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void missingParametersGiveFirstPageOfDefaultSize() {
    assertEquals(new PageRequest(0, PageRequest.DEFAULT_SIZE), Paging.of(null, null));
  }

  @Test
  void blankParametersGiveDefaults() {
    assertEquals(new PageRequest(0, PageRequest.DEFAULT_SIZE), Paging.of("", "  "));
  }

  @Test
  void givenNumbersAreUsedAfterTrimming() {
    PageRequest request = Paging.of(" 2 ", "10 ");
    assertEquals(2, request.page());
    assertEquals(10, request.size());
    assertEquals(20, request.offset());
  }

  @Test
  void nonNumericPageIsValidationErrorNotNumberFormatException() {
    assertEquals(List.of("page"), refusedFields(() -> Paging.of("two", null)));
  }

  @Test
  void fractionalSizeIsRefused() {
    assertEquals(List.of("size"), refusedFields(() -> Paging.of(null, "1.5")));
  }

  @Test
  void pageBeyondIntRangeIsRefused() {
    assertEquals(List.of("page"), refusedFields(() -> Paging.of("99999999999", null)));
  }

  @Test
  void negativePageIsRefused() {
    assertEquals(List.of("page"), refusedFields(() -> Paging.of("-1", null)));
  }

  @Test
  void zeroSizeIsRefused() {
    assertEquals(List.of("size"), refusedFields(() -> Paging.of("0", "0")));
  }

  @Test
  void sizeAboveMaximumIsRefused() {
    assertEquals(
        List.of("size"),
        refusedFields(() -> Paging.of(null, String.valueOf(PageRequest.MAX_SIZE + 1))));
  }

  @Test
  void sizeAtBoundsIsAccepted() {
    assertEquals(1, Paging.of(null, "1").size());
    assertEquals(
        PageRequest.MAX_SIZE, Paging.of(null, String.valueOf(PageRequest.MAX_SIZE)).size());
  }

  @Test
  void optionalIdAbsentIsNull() {
    assertNull(Paging.optionalId("companyId", null));
    assertNull(Paging.optionalId("companyId", " "));
  }

  @Test
  void optionalIdIsParsedAfterTrimming() {
    assertEquals(42L, Paging.optionalId("companyId", " 42 "));
  }

  @Test
  void optionalIdAcceptsLongRange() {
    assertEquals(9_999_999_999L, Paging.optionalId("companyId", "9999999999"));
  }

  @Test
  void nonNumericOptionalIdIsRefusedUnderItsName() {
    ValidationException e =
        assertThrows(ValidationException.class, () -> Paging.optionalId("companyId", "abc"));
    assertEquals(List.of("companyId"), e.errors().stream().map(FieldError::field).toList());
  }
}
