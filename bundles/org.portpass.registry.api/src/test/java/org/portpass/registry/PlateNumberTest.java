package org.portpass.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PlateNumberTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"ABC-1234", "1234-AB", "AB-1234", "123-ABC", "ABC-123", "KLA-0001", "6A-1234"})
  void keepsCanonicalPlates(String plate) {
    assertEquals(plate, PlateNumber.of(plate).value());
    assertEquals(plate, new PlateNumber(plate).value());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // without separator: split after the leading letters or digits
        "abc1234      | ABC-1234",
        "1234ab       | 1234-AB",
        "AB1234       | AB-1234",
        "123abc       | 123-ABC",
        "KLA0001      | KLA-0001",
        "AB12         | AB-12",
        "AB1C         | AB-1C",
        // one separator of any kind is kept where it is
        "abc 1234     | ABC-1234",
        "ABC.1234     | ABC-1234",
        "ABC_1234     | ABC-1234",
        "6a-1234      | 6A-1234",
        "6A 1234      | 6A-1234",
        "ab-c123      | AB-C123",
        "ABC - 1234   | ABC-1234",
        "ABC--1234    | ABC-1234",
        "-ABC-1234-   | ABC-1234",
        // several separators: removed, then split as without separator
        "A.B.C 1234   | ABC-1234",
        "AB 12 34     | AB-1234",
        "12-34-AB     | 1234-AB",
        // full-width characters as typed with a Chinese input method
        "ＡＢＣ－１２３４ | ABC-1234",
        "ａｂｃ１２３４   | ABC-1234",
        "ＡＢＣ　１２３４ | ABC-1234",
      })
  void normalises(String raw, String expected) {
    assertEquals(expected, PlateNumber.of(raw).value());
  }

  @Test
  void trimsWhitespace() {
    assertEquals("ABC-1234", PlateNumber.of("  abc-1234\t\n").value());
  }

  @Test
  void samePlateTypedDifferentlyIsEqual() {
    assertEquals(PlateNumber.of("ABC-1234"), PlateNumber.of(" abc 1234 "));
    assertEquals(PlateNumber.of("ABC-1234"), PlateNumber.of("ａｂｃ１２３４"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   ", "\t"})
  void rejectsEmpty(String raw) {
    var e = assertThrows(IllegalArgumentException.class, () -> PlateNumber.of(raw));
    assertEquals("plate number '" + raw + "' is not a valid plate: it is empty", e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "ABC/1234   | it may only contain letters A-Z, digits, spaces, dots, underscores and hyphens",
        "ÄBC-1234   | it may only contain letters A-Z, digits, spaces, dots, underscores and hyphens",
        "臨-1234     | it may only contain letters A-Z, digits, spaces, dots, underscores and hyphens",
        "A12        | it must have 4 to 8 letters and digits",
        "A-1-2      | it must have 4 to 8 letters and digits",
        "ABCD-12345 | it must have 4 to 8 letters and digits",
        "ABCD       | it must have both letters and digits",
        "1234-5678  | it must have both letters and digits",
        "---        | it must have 4 to 8 letters and digits",
        "ABC-12345  | each side of ABC-12345 must have 1 to 4 characters",
        "ABCDE-123  | each side of ABCDE-123 must have 1 to 4 characters",
        "ABC-1234-5 | each side of ABC-12345 must have 1 to 4 characters;"
            + " type it with the hyphen as on the plate",
        "6A1234     | each side of 6-A1234 must have 1 to 4 characters;"
            + " type it with the hyphen as on the plate",
        "ABCDE123   | each side of ABCDE-123 must have 1 to 4 characters;"
            + " type it with the hyphen as on the plate",
      })
  void rejectsInvalid(String raw, String reason) {
    var e = assertThrows(IllegalArgumentException.class, () -> PlateNumber.of(raw));
    assertEquals("plate number '" + raw + "' is not a valid plate: " + reason, e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc-1234", "ABC1234", "ABC 1234", "ＡＢＣ-1234"})
  void constructorAcceptsOnlyCanonicalForm(String value) {
    var e = assertThrows(IllegalArgumentException.class, () -> new PlateNumber(value));
    assertTrue(e.getMessage().contains("it must be written ABC-1234"), e.getMessage());
  }

  @Test
  void constructorRejectsNull() {
    assertThrows(IllegalArgumentException.class, () -> new PlateNumber(null));
  }
}
