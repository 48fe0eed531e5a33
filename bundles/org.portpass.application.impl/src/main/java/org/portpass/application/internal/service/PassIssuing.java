package org.portpass.application.internal.service;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import javax.persistence.EntityManager;
import org.osgi.service.event.Event;
import org.portpass.application.PassService;
import org.portpass.application.PassStatus;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.application.internal.entity.PassEntity;

/**
 * The start of a pass's life, on the last supervisor's approval (the rest of it is {@link
 * PassServiceImpl}): the pass, its number, and the event card production acts on.
 */
final class PassIssuing {
  private PassIssuing() {}

  /** Every supervisor approved: the pass exists from now on, waiting for its card. */
  static PassEntity issue(EntityManager em, LineEntity line, LocalDate today) {
    PassEntity pass = new PassEntity();
    pass.setLineId(line.getId());
    pass.setSubjectKind(line.getSubjectKind());
    pass.setSubjectId(line.getSubjectId());
    pass.setPassType(line.getForm().getPassType());
    pass.setAccessPorts(line.getAccessPorts());
    pass.setPickupPort(line.getForm().getPickupPort());
    pass.setValidFrom(line.getValidFrom());
    pass.setValidTo(line.getValidTo());
    pass.setStatus(PassStatus.PENDING_CARD);
    pass.setCreatedAt(new Date());
    em.persist(pass);
    em.flush();
    pass.setNumber(
        String.format("%s-%d-%07d", line.getForm().getPickupPort(), today.getYear(), pass.getId()));
    line.setPassNumber(pass.getNumber());
    return pass;
  }

  /** The event card production queues the first card on. */
  static Event issued(PassEntity pass) {
    return new Event(
        PassService.ISSUED_TOPIC,
        Map.of(
            PassService.PASS_NUMBER, pass.getNumber(),
            PassService.LINE_ID, pass.getLineId(),
            PassService.PICKUP_PORT, pass.getPickupPort(),
            PassService.SUBJECT_KIND, pass.getSubjectKind().name(),
            PassService.SUBJECT_ID, pass.getSubjectId()));
  }
}
