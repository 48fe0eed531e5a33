package org.portpass.card.internal.service;

/**
 * What card production tells the revocation list: a card may have been voided (a void, a lost card,
 * a failed or interrupted step). The list catches up on its own thread; the caller never waits.
 */
public interface RevocationFeed {
  void cardsMayHaveChanged();
}
