package org.portpass.card.gate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of the revocation list: a pass that is not valid at the gates although its dates may
 * still be (by its canonical pass number), or a voided card (by its serial) whose pass may have a
 * new card.
 *
 * @param kind what {@code subject} names
 * @param subject the pass number or the card serial
 * @param reason the pass's status name (SUSPENDED, REVOKED, ...) or {@link #CARD_VOID}
 * @param since when the pass or card became invalid
 * @param keepUntil the pass's valid-to date: after it the entry is dropped, as the pass has expired
 *     anyway
 */
public record RevocationEntry(
    Kind kind, String subject, String reason, Instant since, LocalDate keepUntil) {
  /** The reason of a voided card's entry. */
  public static final String CARD_VOID = "CARD_VOID";

  private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
  private static final Pattern REASON = Pattern.compile("[A-Z][A-Z0-9_]{0,31}");

  /** What an entry names. */
  public enum Kind {
    /** A pass, by its number: every card of it is refused. */
    PASS("P"),
    /** A card, by its serial: this card is refused, the pass's other cards are not. */
    CARD("C");

    private final String letter;

    Kind(String letter) {
      this.letter = letter;
    }

    /** The letter the text format writes. */
    public String letter() {
      return letter;
    }

    static Kind ofLetter(String letter) {
      return switch (letter) {
        case "P" -> PASS;
        case "C" -> CARD;
        default -> throw new IllegalArgumentException("unknown entry kind " + letter);
      };
    }
  }

  /** The key of an entry: its kind and subject; a list holds at most one entry per key. */
  public record Key(Kind kind, String subject) {
    public Key {
      Objects.requireNonNull(kind, "kind");
      if (subject == null || !SUBJECT.matcher(subject).matches()) {
        throw new IllegalArgumentException("not a pass number or card serial: " + subject);
      }
    }

    @Override
    public String toString() {
      return kind.letter() + " " + subject;
    }
  }

  public RevocationEntry {
    new Key(kind, subject); // checks both
    if (reason == null || !REASON.matcher(reason).matches()) {
      throw new IllegalArgumentException("not a revocation reason: " + reason);
    }
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(keepUntil, "keepUntil");
  }

  public Key key() {
    return new Key(kind, subject);
  }

  /** The entry as one line of the text format, without the line end. */
  public String line() {
    return kind.letter() + " " + subject + " " + reason + " " + since + " " + keepUntil;
  }
}
