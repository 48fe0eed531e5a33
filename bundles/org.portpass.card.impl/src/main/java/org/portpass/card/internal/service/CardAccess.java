package org.portpass.card.internal.service;

import org.portpass.core.Caller;
import org.portpass.core.ForbiddenException;
import org.portpass.core.PortCode;
import org.portpass.core.Role;

/** Who may work on card production, and the caller card production itself acts as. */
final class CardAccess {
  /** Card production's own caller, for reading passes and holders outside a user's request. */
  static final Caller SYSTEM = Caller.system("card-production");

  private CardAccess() {}

  /** The port's code, when the caller is its card desk (or an administrator). */
  static String requireDesk(Caller caller, String port) {
    String code = PortCode.normalise(port);
    if (!caller.actsAt(Role.CARD_DESK, code)) {
      throw ForbiddenException.needsRoleAt(
          "card production at " + code + " needs its CARD_DESK role", Role.CARD_DESK, code);
    }
    return code;
  }

  /**
   * Card production is for administrators and card desks: anyone else is refused for the role
   * before a job is looked up, so job ids tell them nothing.
   */
  static void requireDeskRole(Caller caller) {
    if (!caller.isAdmin() && !caller.has(Role.CARD_DESK)) {
      throw new ForbiddenException(
          "card production needs the CARD_DESK role", "needs-role", Role.CARD_DESK);
    }
  }
}
