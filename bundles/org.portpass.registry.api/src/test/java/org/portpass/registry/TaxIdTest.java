package org.portpass.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TaxIdTest {

  // Weights 1,2,1,2,1,2,4,1; digit sums of the products in brackets.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "04595257", // MoF example: 0+8+5+(1+8)+5+4+(2+0)+7 = 40
        "22099131", // TSMC: 2+4+0+(1+8)+9+2+(1+2)+1 = 30
        "04702088", // old guide example: 0+8+7+0+2+0+(3+2)+8 = 30
        "53212539", // 5+6+2+2+2+(1+0)+(1+2)+9 = 30
      })
  void acceptsNumbersDivisibleByTen(String digits) {
    assertTrue(TaxId.isValid(digits));
  }

  @Test
  void acceptsNumbersDivisibleOnlyByFive() {
    // 0+8+5+9+5+4+2+2 = 35: invalid before 2023, valid under the divisor 5 (MoF example).
    assertTrue(TaxId.isValid("04595252"));
  }

  // 7th digit 7: 7*4 = 28, 2+8 = 10 counts as 1 or as 0. For 1045857x the other digits give
  // 1+0+4+(1+0)+8+(1+0) = 15, so the sum is 15 + {0|1} + x.
  @ParameterizedTest
  @ValueSource(
      strings = {
        "10458575", // MoF example: 15+0+5 = 20
        "10458570", // 15+0+0 = 15
        "10458574", // 15+1+4 = 20, valid only with the 10 counted as 1
        "10458579", // 15+1+9 = 25
        "00651474", // old guide example: 0+0+6+(1+0)+1+8+{0|1}+4 = 20|21
        "00238778", // old guide example: 0+0+2+6+8+(1+4)+{0|1}+8 = 29|30
      })
  void acceptsSeventhDigitSevenEitherWay(String digits) {
    assertTrue(TaxId.isValid(digits));
  }

  @ParameterizedTest
  @ValueSource(strings = {"10458571", "10458572", "10458573", "10458576", "10458577", "10458578"})
  void rejectsSeventhDigitSevenWithWrongCheckDigit(String digits) {
    assertFalse(TaxId.isValid(digits));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "04595258", // sum 41
        "12345678",
        "0459525", // 7 digits
        "045952570", // 9 digits
        "0459525A",
        " 04595257", // isValid does not normalise
        "0459 5257",
        "０４５９５２５７", // full-width digits are not ASCII
        "٠٤٥٩٥٢٥٧", // Arabic-Indic digits pass Character.isDigit but are not ASCII
      })
  void rejectsInvalidInput(String digits) {
    assertFalse(TaxId.isValid(digits));
  }

  @Test
  void normaliseRemovesWhitespaceAndFullWidth() {
    assertEquals("04595257", TaxId.normalise(" 0459 5257\t"));
    assertEquals("04595257", TaxId.normalise("０４５９５２５７"));
    assertEquals("22099131", TaxId.normalise("22099131"));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void normaliseRejectsMissing(String raw) {
    var e = assertThrows(IllegalArgumentException.class, () -> TaxId.normalise(raw));
    assertEquals("tax ID is missing", e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0459525", "045952571", "0459-5257", "ABCDEFGH"})
  void normaliseRejectsWrongFormat(String raw) {
    var e = assertThrows(IllegalArgumentException.class, () -> TaxId.normalise(raw));
    assertEquals("tax ID '" + raw + "' must be exactly 8 digits", e.getMessage());
  }

  @Test
  void normaliseRejectsWrongChecksum() {
    var e = assertThrows(IllegalArgumentException.class, () -> TaxId.normalise("04595258"));
    assertTrue(e.getMessage().startsWith("tax ID '04595258' is not valid"), e.getMessage());
  }
}
