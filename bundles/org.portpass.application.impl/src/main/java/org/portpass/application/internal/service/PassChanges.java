package org.portpass.application.internal.service;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.portpass.application.ApplicationConflicts;
import org.portpass.application.LineFlow;
import org.portpass.application.LineStatus;
import org.portpass.application.Pass;
import org.portpass.application.PassService;
import org.portpass.application.PassStatus;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.application.internal.entity.PassEntity;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.PortCode;
import org.portpass.core.Role;
import org.portpass.core.Texts;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.Transactions;

/**
 * Every change of a pass after approval: the card desk's hand-over (card ready, picked up), the
 * police's and supervisors' suspend, reinstate and revoke, the company's revocation of its own
 * pass, and expiry (a seizure is a violation's: {@link Seizure}). Each is one transaction on the
 * pass and its line together, versioned, audited, with an event when the status changes.
 */
final class PassChanges {
  private final Transactions tx;
  private final EventAdmin events;

  PassChanges(Transactions tx, EventAdmin events) {
    this.tx = tx;
    this.events = events;
  }

  Pass cardReady(Caller caller, String number) {
    return change(
        caller,
        number,
        "pass.card-ready",
        (pass, line) -> {
          requireDesk(caller, pass.getPickupPort());
          if (line.getStatus() == LineStatus.PRODUCTION) {
            Views.apply(line, Views.flow(line).markReady());
          }
          return "line " + line.getStatus();
        });
  }

  Pass pickUp(Caller caller, String number, String collectedBy) {
    String who =
        Texts.required(
            "collectedBy",
            collectedBy,
            200,
            "collected-by",
            "name the person who collected the card (at most 200 characters)",
            200);
    return change(
        caller,
        number,
        "pass.picked-up",
        (pass, line) -> {
          requireDesk(caller, pass.getPickupPort());
          LineFlow picked = Views.flow(line).pickUp(); // refuses unless the card is READY
          if (pass.getStatus() != PassStatus.PENDING_CARD) {
            throw new ConflictException(
                ApplicationConflicts.PASS_STATUS,
                "status",
                "the pass is " + pass.getStatus() + ", not awaiting pickup",
                "pass-not-awaiting-pickup",
                pass.getStatus());
          }
          Views.apply(line, picked);
          pass.setStatus(PassStatus.ACTIVE);
          pass.setCollectedBy(who);
          pass.setCollectedAt(new Date());
          return "collected by " + who;
        });
  }

  Pass suspend(Caller caller, String number, String reason) {
    String why = requireReason(reason);
    return lifecycle(
        caller, number, "pass.suspended", PassStatus.ACTIVE, PassStatus.SUSPENDED, why);
  }

  Pass reinstate(Caller caller, String number) {
    return lifecycle(
        caller, number, "pass.reinstated", PassStatus.SUSPENDED, PassStatus.ACTIVE, null);
  }

  Pass revoke(Caller caller, String number, String reason) {
    String why = requireReason(reason);
    return change(
        caller,
        number,
        "pass.revoked",
        (pass, line) -> {
          boolean byCompany = !caller.isAdmin() && ownCompany(caller, line);
          if (!byCompany) {
            requireAuthority(caller, pass);
          }
          if (pass.getStatus().isFinal()) {
            throw new ConflictException(
                ApplicationConflicts.PASS_STATUS,
                "status",
                "the pass is already " + pass.getStatus(),
                "pass-already",
                pass.getStatus());
          }
          pass.setStatus(PassStatus.REVOKED);
          pass.setStatusReason((byCompany ? "by its company: " : "by the port authority: ") + why);
          return "REVOKED " + pass.getStatusReason();
        });
  }

  int expire(LocalDate today) {
    List<String> expired =
        tx.write(
            em -> {
              List<PassEntity> due =
                  em.createQuery(
                          "SELECT p FROM PassEntity p WHERE p.validTo < :today"
                              + " AND p.status IN :live",
                          PassEntity.class)
                      .setParameter("today", today)
                      .setParameter("live", List.of(PassStatus.ACTIVE, PassStatus.SUSPENDED))
                      .getResultList();
              due.forEach(p -> p.setStatus(PassStatus.EXPIRED));
              return due.stream().map(PassEntity::getNumber).toList();
            },
            numbers -> numbers);
    expired.forEach(n -> events.postEvent(changed(n, PassStatus.EXPIRED)));
    return expired.size();
  }

  private Pass lifecycle(
      Caller caller, String number, String action, PassStatus from, PassStatus to, String reason) {
    return change(
        caller,
        number,
        action,
        (pass, line) -> {
          requireAuthority(caller, pass);
          if (pass.getStatus() != from) {
            throw new ConflictException(
                ApplicationConflicts.PASS_STATUS,
                "status",
                "the pass is " + pass.getStatus() + "; only a " + from + " pass can become " + to,
                "pass-from-to",
                pass.getStatus(),
                from,
                to);
          }
          pass.setStatus(to);
          pass.setStatusReason(reason);
          return to + (reason == null ? "" : ": " + reason);
        });
  }

  /** One change of a pass and its line, audited, with an event when the status changed. */
  private Pass change(Caller caller, String number, String action, Change change) {
    Pass[] before = new Pass[1];
    Pass after =
        tx.write(
            em -> {
              PassEntity pass = PassServiceImpl.find(em, number);
              LineEntity line = em.find(LineEntity.class, pass.getLineId());
              if (!PassServiceImpl.mayRead(caller, pass, line)) {
                throw new NotFoundException("pass", number);
              }
              before[0] = PassServiceImpl.view(pass, line);
              String detail = change.apply(pass, line);
              em.flush();
              AuditTrail.append(
                  em, caller, action, "pass", number, before[0].status().name(), detail);
              return PassServiceImpl.view(pass, line);
            },
            UnaryOperator.identity());
    if (after.status() != before[0].status()) {
      events.postEvent(changed(number, after.status()));
    }
    return after;
  }

  @FunctionalInterface
  private interface Change {
    String apply(PassEntity pass, LineEntity line);
  }

  static Event changed(String number, PassStatus status) {
    return new Event(
        PassService.CHANGED_TOPIC,
        Map.of(PassService.PASS_NUMBER, number, PassService.STATUS, status.name()));
  }

  private static String requireReason(String reason) {
    return Texts.required(
        "reason", reason, 1000, "give-reason", "give a reason (at most 1000 characters)", 1000);
  }

  /** The pickup port's card desk (administrators may act for any desk). */
  static String requireDesk(Caller caller, String port) {
    String code = PortCode.normalise(port);
    if (!caller.actsAt(Role.CARD_DESK, code)) {
      throw ForbiddenException.needsRoleAt(
          "this needs the CARD_DESK role for " + code, Role.CARD_DESK, code);
    }
    return code;
  }

  /**
   * A company account of the pass's company: it revokes its own passes (註銷: the person left, the
   * vehicle was sold).
   */
  private static boolean ownCompany(Caller caller, LineEntity line) {
    return caller.companyId() != null
        && caller.companyId() == line.getForm().getCompanyId()
        && caller.roles().stream().anyMatch(Role::isCompanyRole);
  }

  /** Suspending and revoking is for the harbor police and supervisors of the pass's ports. */
  private static void requireAuthority(Caller caller, PassEntity pass) {
    if (caller.isAdmin()) {
      return;
    }
    boolean staff =
        caller.hasAny(Role.POLICE, Role.SUPERVISOR)
            && Codes.ports(pass.getAccessPorts()).stream().anyMatch(caller.ports()::contains);
    if (!staff) {
      throw new ForbiddenException(
          "suspending, reinstating and revoking a pass needs the POLICE or SUPERVISOR role for one"
              + " of its ports",
          "police-or-supervisor");
    }
  }
}
