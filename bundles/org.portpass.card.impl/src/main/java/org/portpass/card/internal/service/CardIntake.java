package org.portpass.card.internal.service;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.portpass.application.Pass;
import org.portpass.application.PassService;
import org.portpass.application.PassStatus;
import org.portpass.card.AttemptOutcome;
import org.portpass.card.CardJobFlow;
import org.portpass.card.CardJobStatus;
import org.portpass.card.internal.entity.CardJobEntity;
import org.portpass.core.ConflictException;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Card intake: a job for every issued pass, a cancelled job for every revoked one. Events can be
 * missed (this bundle stopped, a node died), so it also catches up on start and every 30 s, which
 * also tells the pass service of finished cards it has not heard of. Immediate, so that the
 * catch-up runs without waiting for a first event.
 */
@Component(
    immediate = true,
    service = EventHandler.class,
    property = {
      EventConstants.EVENT_TOPIC + "=" + PassService.ISSUED_TOPIC,
      EventConstants.EVENT_TOPIC + "=" + PassService.CHANGED_TOPIC
    })
public class CardIntake implements EventHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CardIntake.class);

  private final Transactions tx;
  private final PassService passes;
  private final ReadyReports ready;
  private final ScheduledExecutorService intake = Executors.newSingleThreadScheduledExecutor();

  @Activate
  public CardIntake(
      @Reference(target = "(osgi.unit.name=portpass-card)") JpaTemplate jpa,
      @Reference(target = CardSchema.READY) SchemaReady schema,
      @Reference PassService passes) {
    this.tx = new Transactions(jpa);
    this.passes = passes;
    this.ready = new ReadyReports(tx, passes);
    intake.scheduleWithFixedDelay(this::catchUp, 0, 30, TimeUnit.SECONDS);
  }

  @Deactivate
  void deactivate() {
    intake.shutdownNow();
  }

  @Override
  public void handleEvent(Event event) {
    // off Event Admin's thread: it denylists handlers that take long, and a database write can
    String number = (String) event.getProperty(PassService.PASS_NUMBER);
    String topic = event.getTopic();
    Object status = event.getProperty(PassService.STATUS);
    String port = (String) event.getProperty(PassService.PICKUP_PORT);
    intake.execute(
        () -> {
          try {
            if (PassService.ISSUED_TOPIC.equals(topic)) {
              queueFirstCard(number, port);
            } else if (withdrawn(status)) {
              cancelOpenJob(number);
            }
          } catch (RuntimeException e) {
            LOG.warn("Card intake for pass {} failed; the next catch-up retries it", number, e);
          }
        });
  }

  /** A revoked or seized pass gets no more cards. */
  private static boolean withdrawn(Object status) {
    for (PassStatus s : PassStatus.values()) {
      if (s.name().equals(status)) {
        return s.isWithdrawn();
      }
    }
    return false;
  }

  private void catchUp() {
    try {
      List<Pass> waiting = passes.awaitingCard(CardAccess.SYSTEM, null, 500);
      List<String> known =
          waiting.isEmpty()
              ? List.of()
              : tx.read(
                  em ->
                      em.createQuery(
                              "SELECT j.passNumber FROM CardJobEntity j WHERE j.passNumber IN :n",
                              String.class)
                          .setParameter("n", waiting.stream().map(Pass::number).toList())
                          .getResultList());
      waiting.stream()
          .filter(p -> !known.contains(p.number()))
          .forEach(p -> queueFirstCard(p.number(), p.pickupPort()));
      List<Object[]> unreported =
          tx.read(
              em ->
                  em.createQuery(
                          "SELECT j.id, j.passNumber FROM CardJobEntity j"
                              + " WHERE j.status = :done AND j.readyReported = false",
                          Object[].class)
                      .setParameter("done", CardJobStatus.DONE)
                      .getResultList());
      unreported.forEach(r -> ready.report((Long) r[0], (String) r[1]));
    } catch (RuntimeException e) {
      LOG.warn("Card intake catch-up failed; trying again in 30 s", e);
    }
  }

  private void queueFirstCard(String number, String port) {
    try {
      tx.write(em -> em.persist(CardRecords.newJob(number, port, 1)));
      LOG.info("Card job queued for pass {} at {}", number, port);
    } catch (ConflictException alreadyQueued) {
      // the event and the catch-up both saw the pass: the database kept one job
    }
  }

  private void cancelOpenJob(String number) {
    tx.write(
        em -> {
          for (CardJobEntity job : CardRecords.openJobs(em, number)) {
            CardJobFlow next = CardRecords.flow(job).cancel();
            CardRecords.closeOpenAttempt(
                em, job, AttemptOutcome.INTERRUPTED, "the pass was revoked");
            CardRecords.voidCurrentCard(em, job, "the pass was revoked");
            CardRecords.apply(job, next);
            AuditTrail.append(
                em,
                CardAccess.SYSTEM,
                "card-job.cancelled",
                "card-job",
                "" + job.getId(),
                null,
                number);
          }
        });
  }
}
