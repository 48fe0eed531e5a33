package org.portpass.registry;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.portpass.core.InvalidValueException;

/**
 * A person's identity number, the natural key of a person: a Taiwan national ID (身分證字號), a resident
 * certificate number (居留證 / 統一證號) or a passport number with its nationality. Checksums are verified
 * so that a typo does not register the same person twice.
 *
 * <p>National ID and resident certificate numbers are issued from one numbering space with the same
 * checksum, so they share one key space; passport numbers are only unique per issuing country.
 *
 * @param kind the kind of number
 * @param number the number, upper case, without spaces
 * @param nationality ISO 3166-1 alpha-3 code in upper case for {@link IdentityKind#PASSPORT},
 *     otherwise {@code null}
 */
public record IdentityNumber(IdentityKind kind, String number, String nationality) {

  // Letter values for A..Z. Not computable from the letter: I, O, W and Z are out of sequence.
  private static final int[] LETTER_VALUES = {
    10, 11, 12, 13, 14, 15, 16, 17, 34, 18, 19, 20, 21, 22, 35, 23, 24, 25, 26, 27, 28, 29, 32, 30,
    31, 33
  };
  private static final int[] WEIGHTS = {8, 7, 6, 5, 4, 3, 2, 1, 1};
  private static final String NATIONAL_ID = "[A-Z][12][0-9]{8}";
  // The new resident certificate (since 2021) has 8/9 where the national ID has its gender digit
  // 1/2, so that it fits systems built for national IDs; the old one has a letter A-D there.
  private static final String RESIDENT_NEW = "[A-Z][89][0-9]{8}";
  private static final String RESIDENT_OLD = "[A-Z][A-D][0-9]{8}";
  private static final String PASSPORT = "[A-Z0-9]{5,20}";

  /** The ISO 3166-1 alpha-3 codes of countries that exist (as the JDK knows them). */
  private static final Set<String> COUNTRIES =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

  /** Checks the invariants; use {@link #of} for user input. */
  public IdentityNumber {
    Objects.requireNonNull(kind, "kind");
    check(kind, number, nationality);
  }

  private static void check(IdentityKind kind, String number, String nationality) {
    if (number == null || number.isEmpty()) {
      throw new InvalidValueException(describe(kind) + " is missing", "identity-missing", kind);
    }
    if (kind == IdentityKind.PASSPORT) {
      checkPassport(kind, number, nationality);
      return;
    }
    if (nationality != null) {
      throw new InvalidValueException(
          describe(kind) + " '" + number + "' must not have a nationality; only passports have one",
          "no-nationality",
          kind,
          number);
    }
    if (kindOf(number) != kind) {
      throw new InvalidValueException(
          describe(kind) + " '" + number + "' must be " + format(kind),
          kind == IdentityKind.NATIONAL_ID
              ? "identity-format-national"
              : "identity-format-resident",
          kind,
          number);
    }
    if (!checksumOk(number)) {
      throw new InvalidValueException(
          describe(kind) + " '" + number + "' has a wrong check digit (typo?)",
          "identity-check-digit",
          kind,
          number);
    }
  }

  private static void checkPassport(IdentityKind kind, String number, String nationality) {
    if (!number.matches(PASSPORT)) {
      throw new InvalidValueException(
          describe(kind) + " '" + number + "' must be 5 to 20 letters A-Z or digits",
          "passport-format",
          kind,
          number);
    }
    if (nationality == null || nationality.isEmpty()) {
      throw new InvalidValueException(
          describe(kind)
              + " '"
              + number
              + "' needs a nationality (ISO 3166-1 alpha-3 code, e.g. USA)",
          "passport-nationality",
          kind,
          number);
    }
    if (!nationality.matches("[A-Z]{3}") || !COUNTRIES.contains(nationality)) {
      throw new InvalidValueException(
          "nationality '" + nationality + "' is not an ISO 3166-1 alpha-3 code like USA",
          "nationality-code",
          nationality);
    }
  }

  /**
   * Normalises and validates user input.
   *
   * @param kindOrNull the kind, or {@code null} to detect a national ID or resident certificate
   *     from the format (passport numbers have no recognisable format, so they need the kind)
   * @param raw the number; case, spaces and full-width characters do not matter
   * @param nationality for a passport the issuing country as ISO 3166-1 alpha-3 code in any case;
   *     ignored for the other kinds, which are identified by the number alone
   * @throws IllegalArgumentException with a readable reason if the input is not valid
   */
  public static IdentityNumber of(IdentityKind kindOrNull, String raw, String nationality) {
    String number = normalise(raw);
    if (number == null || number.isEmpty()) {
      throw new InvalidValueException("identity number is missing", "identity-number-missing");
    }
    IdentityKind detected = kindOf(number);
    if (kindOrNull == null && detected == null) {
      throw new InvalidValueException(
          "'"
              + raw
              + "' is neither a national ID nor a resident certificate number;"
              + " a passport needs kind PASSPORT and a nationality",
          "identity-kind-unknown",
          raw);
    }
    IdentityKind kind = kindOrNull != null ? kindOrNull : detected;
    if (kind == IdentityKind.PASSPORT) {
      return new IdentityNumber(kind, number, normalise(nationality));
    }
    if (detected != null && detected != kind) {
      throw new InvalidValueException(
          describe(kind) + " '" + raw + "' looks like a " + describe(detected),
          "identity-looks-like",
          kind,
          raw,
          detected);
    }
    return new IdentityNumber(kind, number, null);
  }

  /**
   * Tells a national ID from a resident certificate number by the format alone, without checking
   * the checksum; {@code null} if it is neither (a passport number, perhaps).
   */
  public static IdentityKind detect(String raw) {
    return kindOf(normalise(raw));
  }

  /**
   * The value for the unique column: the number for national IDs and resident certificates,
   * nationality and number for passports, e.g. {@code "USA:X12345678"}.
   */
  public String key() {
    return kind == IdentityKind.PASSPORT ? nationality + ":" + number : number;
  }

  /**
   * The number as stored and searched: full-width letters and digits (what a Chinese input method
   * produces) as their ASCII forms, without spaces, upper case; {@code null} for {@code null}.
   */
  public static String normalise(String raw) {
    if (raw == null) {
      return null;
    }
    return Normalizer.normalize(raw, Normalizer.Form.NFKC)
        .replaceAll("\\s+", "")
        .toUpperCase(Locale.ROOT);
  }

  private static IdentityKind kindOf(String number) {
    if (number == null) {
      return null;
    }
    if (number.matches(NATIONAL_ID)) {
      return IdentityKind.NATIONAL_ID;
    }
    if (number.matches(RESIDENT_NEW) || number.matches(RESIDENT_OLD)) {
      return IdentityKind.RESIDENT_CERTIFICATE;
    }
    return null;
  }

  // The first letter becomes two digits weighted 1 and 9, the other nine characters are weighted
  // 8, 7, 6, 5, 4, 3, 2, 1, 1; the total must end in 0. The old resident certificate's second
  // letter counts as the units digit of its letter value (A -> 0, B -> 1, C -> 2, D -> 3).
  private static boolean checksumOk(String number) {
    int first = LETTER_VALUES[number.charAt(0) - 'A'];
    int sum = first / 10 + first % 10 * 9;
    for (int i = 1; i < 10; i++) {
      char c = number.charAt(i);
      int digit = c >= 'A' ? LETTER_VALUES[c - 'A'] % 10 : c - '0';
      sum += digit * WEIGHTS[i - 1];
    }
    return sum % 10 == 0;
  }

  private static String format(IdentityKind kind) {
    return kind == IdentityKind.NATIONAL_ID
        ? "a letter, 1 or 2, and 8 digits"
        : "a letter, 8 or 9, and 8 digits (or two letters and 8 digits in the old format)";
  }

  private static String describe(IdentityKind kind) {
    return switch (kind) {
      case NATIONAL_ID -> "national ID";
      case RESIDENT_CERTIFICATE -> "resident certificate number";
      case PASSPORT -> "passport number";
    };
  }
}
