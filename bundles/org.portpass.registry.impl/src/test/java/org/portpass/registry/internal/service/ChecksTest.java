package org.portpass.registry.internal.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portpass.core.FieldError;
import org.portpass.core.ValidationException;

class ChecksTest {
  private final Checks checks = new Checks();

  /** The errors with their English messages (the message keys are TranslationsTest's). */
  private List<FieldError> errors() {
    return assertThrows(ValidationException.class, checks::throwIfAny).errors().stream()
        .map(e -> new FieldError(e.field(), e.message()))
        .toList();
  }

  @Test
  void requiredValueIsTrimmed() {
    assertEquals("Acme Ltd", checks.required("name", "  Acme Ltd \t"));
    assertDoesNotThrow(checks::throwIfAny);
  }

  @Test
  void blankRequiredValueIsRefused() {
    assertNull(checks.required("name", "   "));
    assertEquals(List.of(new FieldError("name", "is required")), errors());
  }

  @Test
  void missingRequiredValueIsRefused() {
    assertNull(checks.required("name", null));
    assertEquals(List.of(new FieldError("name", "is required")), errors());
  }

  @Test
  void blankOptionalValueBecomesNull() {
    assertNull(checks.optional("phone", " \t "));
    assertNull(checks.optional("phone", null));
    assertDoesNotThrow(checks::throwIfAny);
  }

  @Test
  void optionalValueIsTrimmed() {
    assertEquals("+852 1234", checks.optional("phone", " +852 1234 "));
    assertDoesNotThrow(checks::throwIfAny);
  }

  @Test
  void controlCharacterInsideValueIsRefused() {
    checks.optional("name", "Ac\u0000me");
    assertEquals(List.of(new FieldError("name", "must not contain control characters")), errors());
  }

  @Test
  void lineBreakInsideValueIsRefused() {
    checks.required("name", "Acme\nLtd");
    assertEquals("name", errors().get(0).field());
  }

  @Test
  void c1ControlCharacterIsRefused() {
    checks.optional("name", "Acme\u0085Ltd");
    assertEquals("must not contain control characters", errors().get(0).message());
  }

  @Test
  void unicodeTextIsAccepted() {
    assertEquals("港口通行證 Ünïcode", checks.required("name", "港口通行證 Ünïcode"));
    assertDoesNotThrow(checks::throwIfAny);
  }

  @Test
  void textOfMaximumLengthIsAccepted() {
    String text = "x".repeat(Checks.MAX_TEXT);
    assertEquals(text, checks.required("name", "  " + text + "  "));
    assertDoesNotThrow(checks::throwIfAny);
  }

  @Test
  void overLongTextIsRefused() {
    checks.required("name", "x".repeat(Checks.MAX_TEXT + 1));
    assertEquals(List.of(new FieldError("name", "must be at most 255 characters")), errors());
  }

  @Test
  void notNullRefusesMissingValue() {
    assertEquals(3, checks.notNull("count", 3));
    assertDoesNotThrow(checks::throwIfAny);
    assertNull(checks.notNull("type", null));
    assertEquals(List.of(new FieldError("type", "is required")), errors());
  }

  @Test
  void parseReturnsParsedValue() {
    assertEquals(Integer.valueOf(42), checks.parse("count", "42", Integer::valueOf));
    assertDoesNotThrow(checks::throwIfAny);
  }

  @Test
  void parseRecordsParserMessageWithField() {
    Integer value =
        checks.parse(
            "taxId",
            "12-34",
            raw -> {
              throw new IllegalArgumentException("tax ID must be exactly 8 digits");
            });
    assertNull(value);
    assertEquals(List.of(new FieldError("taxId", "tax ID must be exactly 8 digits")), errors());
  }

  @Test
  void parseOfBlankIsRequiredWithoutCallingParser() {
    assertNull(
        checks.parse(
            "plateNumber",
            " ",
            raw -> {
              throw new AssertionError("parser must not be called");
            }));
    assertEquals(List.of(new FieldError("plateNumber", "is required")), errors());
  }

  @Test
  void throwIfAnyReportsAllErrorsAtOnce() {
    checks.required("name", "");
    checks.optional("phone", "1\u00072");
    checks.parse(
        "taxId",
        "x",
        raw -> {
          throw new IllegalArgumentException("not a tax ID");
        });
    checks.add("companyId", "no-such-company", "unknown company", "7");

    assertEquals(
        List.of(
            new FieldError("name", "is required"),
            new FieldError("phone", "must not contain control characters"),
            new FieldError("taxId", "not a tax ID"),
            new FieldError("companyId", "unknown company")),
        errors());
  }

  @Test
  void throwIfAnyIsSilentWithoutErrors() {
    checks.required("name", "Acme");
    checks.optional("phone", null);
    assertDoesNotThrow(checks::throwIfAny);
  }
}
