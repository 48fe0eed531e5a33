package org.portpass.application.internal.service;

import java.util.Objects;
import javax.persistence.EntityManager;
import org.osgi.service.event.EventAdmin;
import org.portpass.application.ApplicationConflicts;
import org.portpass.application.PassStatus;
import org.portpass.application.ViolationInput;
import org.portpass.application.ViolationType;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.application.internal.entity.PassEntity;
import org.portpass.application.internal.entity.ViolationEntity;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.storage.AuditTrail;

/**
 * The seizure (查扣) of a pass with its violation, inside the violation's transaction; the pass's
 * change is announced after the commit.
 */
final class Seizure {
  private final EventAdmin events;
  private String seized;

  Seizure(EventAdmin events) {
    this.events = events;
  }

  /** The violation of the pass's holder, with the pass's company; the pass must still be valid. */
  ViolationEntity violation(EntityManager em, ViolationInput in, ViolationType type) {
    PassEntity pass = PassServiceImpl.find(em, in.seizedPass());
    if (in.subjectKind() != null
        && (in.subjectKind() != pass.getSubjectKind()
            || !Objects.equals(in.subjectId(), pass.getSubjectId()))) {
      throw new ConflictException(
          ApplicationConflicts.NOT_THE_SUBJECT,
          "seizedPass",
          "pass " + pass.getNumber() + " is not this subject's",
          "seized-pass-not-subject",
          pass.getNumber());
    }
    if (pass.getStatus().isFinal()) {
      throw new ConflictException(
          ApplicationConflicts.PASS_STATUS,
          "seizedPass",
          "the pass is already " + pass.getStatus(),
          "pass-already",
          pass.getStatus());
    }
    LineEntity line = em.find(LineEntity.class, pass.getLineId());
    return ViolationEntity.of(
        pass.getSubjectKind(),
        pass.getSubjectId(),
        line.getForm().getCompanyId(),
        type,
        in.occurredOn(),
        in.port());
  }

  /** Seizes the violation's pass, if it names one. */
  void seize(EntityManager em, Caller caller, ViolationEntity violation) {
    var v = violation.view();
    if (v.seizedPass() == null) {
      return;
    }
    PassEntity pass = PassServiceImpl.find(em, v.seizedPass());
    String before = pass.getStatus().name();
    String reason = "seized at " + v.port() + ": " + v.typeNameEn() + " (violation " + v.id() + ")";
    pass.setStatus(PassStatus.SEIZED);
    pass.setStatusReason(reason);
    em.flush();
    AuditTrail.append(em, caller, "pass.seized", "pass", pass.getNumber(), before, reason);
    seized = pass.getNumber();
  }

  /** After the commit: card production and the revocation list follow the pass. */
  void announce() {
    if (seized != null) {
      events.postEvent(PassChanges.changed(seized, PassStatus.SEIZED));
    }
  }
}
