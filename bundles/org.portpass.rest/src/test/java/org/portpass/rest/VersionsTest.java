package org.portpass.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.portpass.core.FieldError;
import org.portpass.core.ValidationException;

class VersionsTest {

  @Test
  void quotedEtagIsReadAsVersion() {
    assertEquals(3L, Versions.required("\"3\"", null));
  }

  @Test
  void weakEtagIsReadAsVersion() {
    assertEquals(7L, Versions.required("W/\"7\"", null));
  }

  @Test
  void surroundingWhitespaceIsIgnored() {
    assertEquals(12L, Versions.required("  \"12\" ", null));
  }

  @Test
  void unquotedNumberIsAccepted() {
    assertEquals(5L, Versions.required("5", null));
  }

  @Test
  void ifMatchWinsOverBodyVersion() {
    assertEquals(4L, Versions.required("\"4\"", 9L));
  }

  @Test
  void bodyVersionIsUsedWithoutIfMatch() {
    assertEquals(9L, Versions.required(null, 9L));
  }

  @Test
  void blankIfMatchFallsBackToBodyVersion() {
    assertEquals(2L, Versions.required("   ", 2L));
  }

  @Test
  void missingBothIsRefusedOnVersionField() {
    ValidationException e =
        assertThrows(ValidationException.class, () -> Versions.required(null, null));
    assertEquals(1, e.errors().size());
    assertEquals("version", e.errors().get(0).field());
  }

  @Test
  void blankIfMatchWithoutBodyVersionIsRefusedOnVersionField() {
    ValidationException e =
        assertThrows(ValidationException.class, () -> Versions.required("", null));
    assertEquals(List.of("version"), e.errors().stream().map(FieldError::field).toList());
  }

  @Test
  void garbageIfMatchIsRefusedOnIfMatchField() {
    ValidationException e =
        assertThrows(ValidationException.class, () -> Versions.required("\"abc\"", 3L));
    assertEquals(List.of("If-Match"), e.errors().stream().map(FieldError::field).toList());
  }

  @Test
  void wildcardIfMatchIsRefused() {
    ValidationException e =
        assertThrows(ValidationException.class, () -> Versions.required("*", null));
    assertEquals("If-Match", e.errors().get(0).field());
  }

  @Test
  void listOfEtagsIsRefused() {
    ValidationException e =
        assertThrows(ValidationException.class, () -> Versions.required("\"3\", \"4\"", null));
    assertEquals("If-Match", e.errors().get(0).field());
  }

  @Test
  void versionBeyondLongRangeIsRefusedNotOverflowed() {
    ValidationException e =
        assertThrows(
            ValidationException.class, () -> Versions.required("\"99999999999999999999\"", null));
    assertEquals("If-Match", e.errors().get(0).field());
  }
}
