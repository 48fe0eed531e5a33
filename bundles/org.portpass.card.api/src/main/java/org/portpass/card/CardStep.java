package org.portpass.card;

/** The steps of making a card at the desk, in order. */
public enum CardStep {
  PRINT,
  VERIFY,
  ENCODE
}
