package org.portpass.registry;

import java.text.Normalizer;
import org.portpass.core.InvalidValueException;

/**
 * Taiwan business tax ID (統一編號), the natural key of a company. Checked locally so that typos are
 * caught at the form instead of creating a second, unmatchable company.
 *
 * <p>Checksum: the digits are multiplied by 1,2,1,2,1,2,4,1 and the digits of each product are
 * added up. Since 2023 the Ministry of Finance requires the total to be divisible by 5 (before: by
 * 10) to make room for new numbers; every number valid under the old rule stays valid.
 */
public final class TaxId {

  private static final int[] WEIGHTS = {1, 2, 1, 2, 1, 2, 4, 1};
  private static final int DIVISOR = 5;

  private TaxId() {}

  /** Whether {@code digits} is exactly 8 ASCII digits with a correct checksum; no normalising. */
  public static boolean isValid(String digits) {
    if (digits == null || !digits.matches("[0-9]{8}")) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      int product = (digits.charAt(i) - '0') * WEIGHTS[i];
      sum += product / 10 + product % 10;
    }
    // A 7 in the 7th position gives 28 -> 2+8 = 10, which may count as 1 or as 0. The sum above
    // counted 10, i.e. 0 modulo the divisor, so "counted as 1" is sum + 1.
    return sum % DIVISOR == 0 || (digits.charAt(6) == '7' && (sum + 1) % DIVISOR == 0);
  }

  /**
   * Returns the 8 digits of {@code raw} after removing whitespace (and turning full-width digits,
   * as typed with a Chinese input method, into ASCII).
   *
   * @throws IllegalArgumentException with a readable reason if the result is not a valid tax ID
   */
  public static String normalise(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidValueException("tax ID is missing", "tax-id-missing");
    }
    String digits = Normalizer.normalize(raw, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    if (!digits.matches("[0-9]{8}")) {
      throw new InvalidValueException(
          "tax ID '" + raw + "' must be exactly 8 digits", "tax-id-digits", raw);
    }
    if (!isValid(digits)) {
      throw new InvalidValueException(
          "tax ID '" + raw + "' is not valid: the checksum does not match (typo?)",
          "tax-id-checksum",
          raw);
    }
    return digits;
  }
}
