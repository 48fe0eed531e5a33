package org.portpass.application;

/** The kind of pass a form applies for. */
public enum PassType {
  /** Long-term (regular) pass, 長期證. */
  LONG_TERM,
  /** Temporary pass, 臨時證; a temporary form holds at least {@link #MIN_TEMPORARY_LINES} lines. */
  TEMPORARY;

  /** The fewest lines a {@link #TEMPORARY} form may be submitted with. */
  public static final int MIN_TEMPORARY_LINES = 8;

  /** The fewest lines a form of this type may be submitted with. */
  public int minLines() {
    return this == TEMPORARY ? MIN_TEMPORARY_LINES : 1;
  }
}
