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
   * Event Admin topic posted when a pass is issued, with properties {@link #PASS_NUMBER}, {@link
   * #LINE_ID}, {@link #PICKUP_PORT}, {@link #SUBJECT_KIND} and {@link #SUBJECT_ID}.
   */
  String ISSUED_TOPIC = "org/portpass/pass/ISSUED";

  /**
   * Event Admin topic posted when a pass changes status, with properties {@link #PASS_NUMBER} and
   * {@link #STATUS}.
   */
  String CHANGED_TOPIC = "org/portpass/pass/CHANGED";

  /** Event property: the pass number (String). */
  String PASS_NUMBER = "passNumber";

  /** Event property: the id of the pass's line (Long). */
  String LINE_ID = "lineId";

  /** Event property: the port where the card is picked up (String). */
  String PICKUP_PORT = "pickupPort";

  /** Event property: {@link SubjectKind} name of the holder (String). */
  String SUBJECT_KIND = "subjectKind";

  /** Event property: the holder's person or vehicle id (Long). */
  String SUBJECT_ID = "subjectId";

  /** Event property: the pass's new {@link PassStatus} name (String). */
  String STATUS = "status";

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
