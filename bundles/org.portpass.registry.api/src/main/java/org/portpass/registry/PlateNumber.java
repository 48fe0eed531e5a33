package org.portpass.registry;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import org.portpass.core.InvalidValueException;

/**
 * A Taiwan licence plate number (車牌號碼), the natural key of a vehicle, in one canonical spelling
 * such as {@code ABC-1234}, {@code 1234-AB} or {@code 6A-1234}, so that the same plate typed in
 * different ways is found as the same vehicle.
 *
 * @param value the canonical form: upper case letters and digits with one hyphen
 */
public record PlateNumber(String value) {

  /** Accepts only the canonical form; use {@link #of} for user input. */
  public PlateNumber {
    String canonical = canonical(value);
    if (!canonical.equals(value)) {
      throw new InvalidValueException(
          "plate number '"
              + value
              + "' is not a valid plate: it must be written "
              + canonical
              + " (PlateNumber.of normalises input)",
          "plate-canonical",
          value,
          canonical);
    }
  }

  /**
   * Normalises user input: full-width characters become ASCII, letters upper case, spaces, dots,
   * underscores and hyphens are removed and one hyphen is put back between the two parts.
   *
   * @throws IllegalArgumentException with a readable reason if it is not a plate number
   */
  public static PlateNumber of(String raw) {
    return new PlateNumber(canonical(raw));
  }

  // Where the hyphen goes cannot always be guessed (6A-1234 vs 6-A1234), so a single separator
  // typed by the user is kept where it is. Otherwise the split is after the leading letters or
  // digits, which gives the usual ABC-1234, AB-1234, 1234-AB and 123-ABC.
  private static String canonical(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new InvalidValueException(
          "plate number '" + raw + "' is not a valid plate: it is empty", "plate-empty");
    }
    String text = Normalizer.normalize(raw, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
    String[] groups =
        Arrays.stream(text.split("[\\s._-]+")).filter(g -> !g.isEmpty()).toArray(String[]::new);
    String compact = String.join("", groups);
    if (!compact.matches("[A-Z0-9]*")) {
      throw new InvalidValueException(
          "plate number '"
              + raw
              + "' is not a valid plate: it may only contain letters A-Z, digits, spaces, dots, underscores and hyphens",
          "plate-characters",
          raw);
    }
    if (compact.length() < 4 || compact.length() > 8) {
      throw new InvalidValueException(
          "plate number '" + raw + "' is not a valid plate: it must have 4 to 8 letters and digits",
          "plate-length",
          raw);
    }
    if (!compact.matches(".*[A-Z].*") || !compact.matches(".*[0-9].*")) {
      throw new InvalidValueException(
          "plate number '" + raw + "' is not a valid plate: it must have both letters and digits",
          "plate-letters-digits",
          raw);
    }
    int at = groups.length == 2 ? groups[0].length() : leadingRun(compact);
    String left = compact.substring(0, at);
    String right = compact.substring(at);
    if (left.length() > 4 || right.length() > 4) {
      String hint = groups.length == 2 ? "" : "; type it with the hyphen as on the plate";
      throw new InvalidValueException(
          "plate number '"
              + raw
              + "' is not a valid plate: each side of "
              + left
              + "-"
              + right
              + " must have 1 to 4 characters"
              + hint,
          groups.length == 2 ? "plate-sides" : "plate-sides-hyphen",
          raw,
          left + "-" + right);
    }
    return left + "-" + right;
  }

  private static int leadingRun(String compact) {
    boolean letters = Character.isLetter(compact.charAt(0));
    int i = 1;
    while (Character.isLetter(compact.charAt(i)) == letters) {
      i++;
    }
    return i;
  }
}
