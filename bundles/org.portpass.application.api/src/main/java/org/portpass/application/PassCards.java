package org.portpass.application;

import java.util.Collection;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The cards of passes, as the card capability knows them. Registered by card production; the REST
 * layer asks it to show each pass's and line's card, outside any transaction of this capability
 * (each capability's persistence unit has its own transactions).
 */
@ConsumerType
public interface PassCards {
  /**
   * A pass's newest card: its serial and status ({@code ISSUING}, {@code LIVE} or {@code VOID}).
   */
  record CardState(String serial, String status) {}

  /**
   * The newest card of each of these passes that has one, by pass number. Callers pass only numbers
   * of passes they were allowed to read.
   */
  Map<String, CardState> newestCards(Collection<String> passNumbers);
}
