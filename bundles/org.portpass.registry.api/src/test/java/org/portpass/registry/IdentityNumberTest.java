package org.portpass.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portpass.registry.IdentityKind.NATIONAL_ID;
import static org.portpass.registry.IdentityKind.PASSPORT;
import static org.portpass.registry.IdentityKind.RESIDENT_CERTIFICATE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checksum: letter value as two digits weighted 1 and 9, then the nine other characters weighted
 * 8,7,6,5,4,3,2,1,1; the total must end in 0. The hand calculations below show the total.
 */
class IdentityNumberTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A123456789", // A=10: 1+0 + 8+14+18+20+20+18+14+8 + 9 = 130
        "F131024705", // F=15: 1+45 + 8+21+6+0+8+12+14+0 + 5 = 120
        "I123456781", // I=34: 3+36 + 120 + 1 = 160 (I is out of alphabetical order)
        "O123456782", // O=35: 3+45 + 120 + 2 = 170
        "W123456789", // W=32: 3+18 + 120 + 9 = 150
        "Z123456780", // Z=33: 3+27 + 120 + 0 = 150
        "Y298765436", // Y=31: 3+9 + 16+63+48+35+24+15+8+3 + 6 = 230
      })
  void acceptsNationalIds(String raw) {
    var id = IdentityNumber.of(null, raw, null);
    assertEquals(new IdentityNumber(NATIONAL_ID, raw, null), id);
    assertEquals(raw, id.key());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // new format, 8/9 in place of the gender digit
        "A800000014", // A=10: 1+0 + 64 + 0+0+0+0+0+0+1 + 4 = 70 (also in other libraries' tests)
        "B900123453", // B=11: 1+9 + 72 + 0+0+5+8+9+8+5 + 3 = 120
        // old format, second letter A-D as the units digit of its value (A0 B1 C2 D3), times 8
        "AA00000009", // 1+0 + 0 + 0 + 9 = 10 (also in other libraries' tests)
        "AB12345677", // 1+0 + 8 + 7+12+15+16+15+12+7 + 7 = 100
        "AC01234567", // 1+0 + 16 + 0+6+10+12+12+10+6 + 7 = 80 (also in other libraries' tests)
        "FC12345674", // F=15: 1+45 + 16 + 84 + 4 = 150
        "HD12345678", // H=17: 1+63 + 24 + 84 + 8 = 180
      })
  void acceptsResidentCertificates(String raw) {
    var id = IdentityNumber.of(null, raw, null);
    assertEquals(new IdentityNumber(RESIDENT_CERTIFICATE, raw, null), id);
    assertEquals(raw, id.key());
  }

  @Test
  void normalisesCaseSpacesAndFullWidth() {
    assertEquals("A123456789", IdentityNumber.of(null, " a12345 6789\t", null).number());
    assertEquals("A123456789", IdentityNumber.of(null, "Ａ１２３４５６７８９", null).number());
    assertEquals("AC01234567", IdentityNumber.of(null, "ac01234567", null).number());
    assertEquals(
        "AC01234567", IdentityNumber.of(RESIDENT_CERTIFICATE, "aC0123 4567", null).number());
  }

  @Test
  void searchesNormaliseAsRegistrationDoes() {
    assertEquals("A123456789", IdentityNumber.normalise("ａ１２３ ４５６７８９"));
    assertEquals("X12345678", IdentityNumber.normalise("x1234\u30005678"));
    assertNull(IdentityNumber.normalise(null));
  }

  @Test
  void explicitKindIsAccepted() {
    assertEquals(NATIONAL_ID, IdentityNumber.of(NATIONAL_ID, "A123456789", null).kind());
    assertEquals(
        RESIDENT_CERTIFICATE, IdentityNumber.of(RESIDENT_CERTIFICATE, "A800000014", null).kind());
  }

  @Test
  void nationalityIsDroppedForNonPassports() {
    var id = IdentityNumber.of(null, "A123456789", "TWN");
    assertNull(id.nationality());
    assertEquals("A123456789", id.key());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A123456788",
        "A123456780",
        "B123456789", // letter changed
        "A213456789", // digits swapped
        "A800000015",
        "B900123454",
        "AA00000008",
        "AC01234568",
        "AD01234567", // second letter changed
        "I123456789", // I is 34, not 18 as its alphabetical position suggests
      })
  void rejectsWrongCheckDigit(String raw) {
    var e = assertThrows(IllegalArgumentException.class, () -> IdentityNumber.of(null, raw, null));
    assertTrue(
        e.getMessage().endsWith("'" + raw + "' has a wrong check digit (typo?)"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "A323456789", // gender digit must be 1/2 (or 8/9 for residents)
        "A023456789",
        "AE12345678", // old resident certificate: second letter only A-D
        "AZ12345678",
        "A12345678", // too short
        "A1234567890", // too long
        "AC0123456",
        "AC012345678",
        "1123456789", // no letter
        "A12345678X",
        "X12345678", // a passport number
        "A-123456789",
      })
  void rejectsUnknownFormatWithoutKind(String raw) {
    var e = assertThrows(IllegalArgumentException.class, () -> IdentityNumber.of(null, raw, null));
    assertEquals(
        "'"
            + raw
            + "' is neither a national ID nor a resident certificate number;"
            + " a passport needs kind PASSPORT and a nationality",
        e.getMessage());
  }

  @Test
  void rejectsWrongFormatForExplicitKind() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> IdentityNumber.of(NATIONAL_ID, "A323456789", null));
    assertEquals("national ID 'A323456789' must be a letter, 1 or 2, and 8 digits", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> IdentityNumber.of(RESIDENT_CERTIFICATE, "AE12345678", null));
    assertTrue(e.getMessage().startsWith("resident certificate number 'AE12345678' must be"));
  }

  @Test
  void rejectsKindThatContradictsFormat() {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> IdentityNumber.of(NATIONAL_ID, "A800000014", null));
    assertEquals(
        "national ID 'A800000014' looks like a resident certificate number", e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> IdentityNumber.of(RESIDENT_CERTIFICATE, "a123456789", null));
    assertEquals(
        "resident certificate number 'a123456789' looks like a national ID", e.getMessage());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  ", "\t"})
  void rejectsMissingNumber(String raw) {
    var e = assertThrows(IllegalArgumentException.class, () -> IdentityNumber.of(null, raw, null));
    assertEquals("identity number is missing", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> IdentityNumber.of(PASSPORT, raw, "USA"));
  }

  @Test
  void detectsKindByFormatOnly() {
    assertEquals(NATIONAL_ID, IdentityNumber.detect("A123456789"));
    assertEquals(NATIONAL_ID, IdentityNumber.detect("A223456780"));
    assertEquals(NATIONAL_ID, IdentityNumber.detect("A123456788")); // checksum not checked
    assertEquals(NATIONAL_ID, IdentityNumber.detect(" a1234 56789 "));
    assertEquals(RESIDENT_CERTIFICATE, IdentityNumber.detect("A800000014"));
    assertEquals(RESIDENT_CERTIFICATE, IdentityNumber.detect("A900000014"));
    assertEquals(RESIDENT_CERTIFICATE, IdentityNumber.detect("ac01234567"));
    assertEquals(RESIDENT_CERTIFICATE, IdentityNumber.detect("AD01234567"));
    assertNull(IdentityNumber.detect("AE01234567"));
    assertNull(IdentityNumber.detect("A323456789"));
    assertNull(IdentityNumber.detect("X12345678"));
    assertNull(IdentityNumber.detect("123456789"));
    assertNull(IdentityNumber.detect(""));
    assertNull(IdentityNumber.detect(null));
  }

  @Test
  void passportIsNormalisedAndKeyedWithNationality() {
    var p = IdentityNumber.of(PASSPORT, " x1234 5678 ", " usa ");
    assertEquals(new IdentityNumber(PASSPORT, "X12345678", "USA"), p);
    assertEquals("USA:X12345678", p.key());
  }

  @Test
  void passportNumberMayLookLikeANationalId() {
    var p = IdentityNumber.of(PASSPORT, "A123456788", "twn");
    assertEquals("TWN:A123456788", p.key());
  }

  @Test
  void samePassportNumberFromDifferentCountriesHasDifferentKeys() {
    var us = IdentityNumber.of(PASSPORT, "12345678", "USA");
    var jp = IdentityNumber.of(PASSPORT, "12345678", "JPN");
    assertNotEquals(us.key(), jp.key());
  }

  @ParameterizedTest
  @ValueSource(strings = {"A1234", "12345", "ABCDEFGHIJ0123456789"})
  void acceptsPassportNumbersOf5To20Characters(String raw) {
    assertEquals(raw, IdentityNumber.of(PASSPORT, raw, "GBR").number());
  }

  @ParameterizedTest
  @ValueSource(strings = {"A123", "ABCDEFGHIJ01234567890", "X1234-5678", "X1234.5678", "Ä12345"})
  void rejectsBadPassportNumbers(String raw) {
    var e =
        assertThrows(IllegalArgumentException.class, () -> IdentityNumber.of(PASSPORT, raw, "USA"));
    assertTrue(e.getMessage().endsWith("must be 5 to 20 letters A-Z or digits"), e.getMessage());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" "})
  void passportNeedsNationality(String nationality) {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> IdentityNumber.of(PASSPORT, "X12345678", nationality));
    assertEquals(
        "passport number 'X12345678' needs a nationality (ISO 3166-1 alpha-3 code, e.g. USA)",
        e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"US", "USAA", "U5A", "U-S"})
  void rejectsNationalityThatIsNotAlpha3(String nationality) {
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> IdentityNumber.of(PASSPORT, "X12345678", nationality));
    assertTrue(e.getMessage().startsWith("nationality '"), e.getMessage());
  }

  @Test
  void passportWithoutKindIsRejectedEvenWithNationality() {
    var e =
        assertThrows(
            IllegalArgumentException.class, () -> IdentityNumber.of(null, "X12345678", "USA"));
    assertTrue(e.getMessage().contains("a passport needs kind PASSPORT"), e.getMessage());
  }

  @Test
  void constructorEnforcesInvariants() {
    assertThrows(NullPointerException.class, () -> new IdentityNumber(null, "A123456789", null));
    assertThrows(IllegalArgumentException.class, () -> new IdentityNumber(NATIONAL_ID, null, null));
    // not normalised
    assertThrows(
        IllegalArgumentException.class, () -> new IdentityNumber(NATIONAL_ID, "a123456789", null));
    assertThrows(
        IllegalArgumentException.class, () -> new IdentityNumber(NATIONAL_ID, "A12345 6789", null));
    // wrong kind for the format
    assertThrows(
        IllegalArgumentException.class,
        () -> new IdentityNumber(RESIDENT_CERTIFICATE, "A123456789", null));
    // only passports have a nationality
    var e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new IdentityNumber(NATIONAL_ID, "A123456789", "TWN"));
    assertEquals(
        "national ID 'A123456789' must not have a nationality; only passports have one",
        e.getMessage());
    assertThrows(
        IllegalArgumentException.class, () -> new IdentityNumber(PASSPORT, "X12345678", "usa"));
    assertThrows(
        IllegalArgumentException.class, () -> new IdentityNumber(PASSPORT, "x12345678", "USA"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"XXX", "ZZZ", "QQQ", "U$A"})
  void nationalityMustBeACountryThatExists(String nationality) {
    assertThrows(
        IllegalArgumentException.class,
        () -> IdentityNumber.of(PASSPORT, "X12345678", nationality));
    assertEquals("PHL", IdentityNumber.of(PASSPORT, "X12345678", "phl").nationality());
  }
}
