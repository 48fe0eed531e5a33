package org.portpass.application;

import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;

/**
 * Passes after approval: the hand-over from card production (card ready, card collected) and the
 * pass lifecycle (suspend, reinstate, revoke, expire). Cards themselves belong to card production;
 * this service keeps the pass and its line's state.
 */
@ProviderType
public interface PassService {
  /**
   * Event Admin topic posted when a pass is issued, with properties passNumber, lineId, pickupPort.
   */
  String ISSUED_TOPIC = "org/portpass/pass/ISSUED";

  /** Event Admin topic posted when a pass changes status, with properties passNumber, status. */
  String CHANGED_TOPIC = "org/portpass/pass/CHANGED";

  /** Readable by administrators, customer service, the owning company and staff of its ports. */
  Pass get(Caller caller, String number);

  /**
   * Passes the caller may see, newest first: administrators and customer service every pass,
   * company accounts their company's, port staff those of their ports.
   */
  Page<Pass> find(Caller caller, PassQuery query, PageRequest page);

  /**
   * Passes not yet handed over at a pickup port (all ports when null, for administrators), oldest
   * first: card production's intake.
   */
  List<Pass> awaitingCard(Caller caller, String pickupPort, int max);

  /** The card is made: the line becomes READY. Repeating it changes nothing. */
  Pass cardReady(Caller caller, String number);

  /**
   * The card is handed over at the pickup port's desk (領證): the pass becomes ACTIVE and the line
   * PICKED_UP, recording who collected it.
   */
  Pass pickUp(Caller caller, String number, String collectedBy);

  Pass suspend(Caller caller, String number, String reason);

  Pass reinstate(Caller caller, String number);

  Pass revoke(Caller caller, String number, String reason);

  /** Marks every pass whose valid-to date is before {@code today} EXPIRED; returns how many. */
  int expire(LocalDate today);
}
