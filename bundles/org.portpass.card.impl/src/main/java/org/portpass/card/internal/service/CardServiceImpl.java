package org.portpass.card.internal.service;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javax.persistence.EntityManager;
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
import org.portpass.card.CardFaceRenderer;
import org.portpass.card.CardJob;
import org.portpass.card.CardJobFlow;
import org.portpass.card.CardJobStatus;
import org.portpass.card.CardJobs;
import org.portpass.card.CardService;
import org.portpass.card.CardStep;
import org.portpass.card.InvalidPassCodeException;
import org.portpass.card.PassCode;
import org.portpass.card.StepOrder;
import org.portpass.card.StepReport;
import org.portpass.card.Verification;
import org.portpass.card.internal.entity.AttemptEntity;
import org.portpass.card.internal.entity.CardEntity;
import org.portpass.card.internal.entity.CardJobEntity;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.Role;
import org.portpass.core.Texts;
import org.portpass.core.ValidationException;
import org.portpass.registry.AttachmentService;
import org.portpass.registry.PersonService;
import org.portpass.registry.VehicleService;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.PagedQuery;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Card jobs and cards. Every step a desk runs is an attempt row opened by {@link #begin} and closed
 * by {@link #report}, each in its own transaction, so a desk that dies mid-step leaves an open
 * attempt that the next {@code begin} closes as interrupted: no job is lost or done twice. Work on
 * passes (another persistence unit) happens outside these transactions.
 */
@Component(
    service = {CardService.class, CardJobs.class, EventHandler.class},
    property = {
      EventConstants.EVENT_TOPIC + "=" + PassService.ISSUED_TOPIC,
      EventConstants.EVENT_TOPIC + "=" + PassService.CHANGED_TOPIC
    })
public class CardServiceImpl implements CardService, EventHandler {
  private static final Logger LOG = LoggerFactory.getLogger(CardServiceImpl.class);
  private static final Caller SYSTEM = Caller.system("card-production");
  private static final Pattern DESK = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Set<String> FAULTS =
      Set.of(
          "JAM",
          "DISCONNECTED",
          "TIMEOUT",
          "WRONG_READ",
          "ENCODE_ERROR",
          "NO_CARD",
          "DEVICE_ERROR");

  /** Between steps with a printed card, which stays at the desk that printed it. */
  private static final List<CardJobStatus> HOLDING_A_CARD =
      List.of(CardJobStatus.PRINTED, CardJobStatus.VERIFIED);

  /** A step begun by another desk is taken over only after this long without a report. */
  private static final long TAKE_OVER_MILLIS = 120_000;

  private final Transactions tx;
  private final PassService passes;
  private final CardFaceRenderer renderer;
  private final CardFaces faces;
  private final PassCodeKeys keys;
  private final ScheduledExecutorService intake = Executors.newSingleThreadScheduledExecutor();

  @Activate
  public CardServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-card)") JpaTemplate jpa,
      @Reference(target = CardSchema.READY) SchemaReady schema,
      @Reference PassService passes,
      @Reference CardFaceRenderer renderer,
      @Reference PersonService persons,
      @Reference VehicleService vehicles,
      @Reference AttachmentService attachments) {
    this.tx = new Transactions(jpa);
    this.passes = passes;
    this.renderer = renderer;
    this.faces = new CardFaces(SYSTEM, persons, vehicles, attachments);
    this.keys = PassCodeKeys.loadOrCreate(tx);
    // events can be missed (this bundle stopped, a node died): catch up on start and every 30 s
    intake.scheduleWithFixedDelay(this::catchUp, 0, 30, TimeUnit.SECONDS);
  }

  @Deactivate
  void deactivate() {
    intake.shutdownNow();
  }

  // --- intake: a job for every issued pass, a cancelled job for every revoked one ---

  @Override
  public void handleEvent(Event event) {
    // off Event Admin's thread: it denylists handlers that take long, and a database write can
    String number = (String) event.getProperty("passNumber");
    String topic = event.getTopic();
    Object status = event.getProperty("status");
    String port = (String) event.getProperty("pickupPort");
    intake.execute(
        () -> {
          try {
            if (PassService.ISSUED_TOPIC.equals(topic)) {
              queueFirstCard(number, port);
            } else if (PassStatus.REVOKED.name().equals(status)) {
              cancelOpenJob(number);
            }
          } catch (RuntimeException e) {
            LOG.warn("Card intake for pass {} failed; the next catch-up retries it", number, e);
          }
        });
  }

  private void catchUp() {
    try {
      List<Pass> waiting = passes.awaitingCard(SYSTEM, null, 500);
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
      unreported.forEach(r -> reportReady((Long) r[0], (String) r[1]));
    } catch (RuntimeException e) {
      LOG.warn("Card intake catch-up failed; trying again in 30 s", e);
    }
  }

  private void queueFirstCard(String number, String port) {
    try {
      tx.write(em -> em.persist(newJob(number, port, 1)));
      LOG.info("Card job queued for pass {} at {}", number, port);
    } catch (ConflictException alreadyQueued) {
      // the event and the catch-up both saw the pass: the database kept one job
    }
  }

  private void cancelOpenJob(String number) {
    tx.write(
        em -> {
          for (CardJobEntity job : openJobs(em, number)) {
            CardJobFlow next = flow(job).cancel();
            closeOpenAttempt(em, job, "INTERRUPTED", "the pass was revoked");
            voidCurrentCard(em, job, "the pass was revoked");
            apply(job, next);
            AuditTrail.append(
                em, SYSTEM, "card-job.cancelled", "card-job", "" + job.getId(), null, number);
          }
        });
  }

  private static CardJobEntity newJob(String number, String port, int generation) {
    CardJobEntity job = new CardJobEntity();
    job.setPassNumber(number);
    job.setOpenPassNumber(number);
    job.setPort(port);
    job.setGeneration(generation);
    job.setStatus(CardJobStatus.QUEUED);
    job.setCreatedAt(new Date());
    job.setUpdatedAt(job.getCreatedAt());
    return job;
  }

  // --- the desk's side ---

  @Override
  public List<CardJob> next(Caller caller, String port, String desk, int max) {
    String code = requireDesk(caller, port);
    String name = requireDeskName(desk);
    if (max < 1 || max > 100) {
      throw ValidationException.of("max", "between", "must be between 1 and 100", 1, 100);
    }
    int limit = max;
    return tx.read(
        em -> {
          // first what this desk began or holds a printed card of (the card is in its tray, and
          // only this desk can go on with it), then the queued jobs any desk may print
          List<CardJobEntity> jobs =
              new ArrayList<>(
                  em.createQuery(
                          "SELECT j FROM CardJobEntity j WHERE j.port = :port AND j.desk = :desk"
                              + " AND (j.activeStep IS NOT NULL OR j.status IN :printed)"
                              + " ORDER BY j.id",
                          CardJobEntity.class)
                      .setParameter("port", code)
                      .setParameter("desk", name)
                      .setParameter("printed", HOLDING_A_CARD)
                      .setMaxResults(limit)
                      .getResultList());
          jobs.addAll(
              em.createQuery(
                      "SELECT j FROM CardJobEntity j WHERE j.port = :port AND j.status = :queued"
                          + " AND j.activeStep IS NULL ORDER BY j.id",
                      CardJobEntity.class)
                  .setParameter("port", code)
                  .setParameter("queued", CardJobStatus.QUEUED)
                  .setMaxResults(limit - jobs.size())
                  .getResultList());
          return jobs.stream().limit(limit).map(j -> view(em, j)).toList();
        });
  }

  @Override
  public StepOrder begin(Caller caller, long jobId, String desk) {
    requireDeskRole(caller);
    String name = requireDeskName(desk);
    CardJobEntity found = tx.read(em -> findJob(em, jobId));
    requireDesk(caller, found.getPort());
    Pass pass = passes.get(SYSTEM, found.getPassNumber());
    if (found.getActiveStep() != null) {
      // in a transaction of its own: an interrupted print fails the job and voids its card, and
      // that must stay recorded although no step can begin then (the operator retries or voids)
      tx.write(
          em -> {
            CardJobEntity job = findJob(em, jobId);
            if (job.getActiveStep() != null) {
              resumeInterrupted(em, job, name);
            }
          });
    }
    Begun begun =
        tx.write(
            em -> {
              CardJobEntity job = findJob(em, jobId);
              if (job.getActiveStep() != null) { // begun again by another desk meanwhile
                resumeInterrupted(em, job, name);
              }
              requireCardHere(job, name);
              CardStep step = flow(job).requireStep();
              if (step == CardStep.PRINT
                  && pass.status() != PassStatus.PENDING_CARD
                  && job.getGeneration() == 1) {
                throw new ConflictException(
                    "pass-status",
                    "status",
                    "the pass is " + pass.status() + "; no card is made",
                    "pass-no-card",
                    pass.status());
              }
              CardEntity card = step == CardStep.PRINT ? newCard(em, job, pass) : findCard(em, job);
              AttemptEntity attempt = new AttemptEntity();
              attempt.setJobId(job.getId());
              attempt.setStep(step);
              attempt.setCardSerial(card.getSerial());
              attempt.setDesk(name);
              attempt.setStartedAt(new Date());
              em.persist(attempt);
              job.setActiveStep(step);
              job.setDesk(name);
              job.setUpdatedAt(attempt.getStartedAt());
              em.flush(); // a second desk beginning the same step meets the version check here
              byte[] chip =
                  step == CardStep.ENCODE
                      ? card.getPassCode().getBytes(StandardCharsets.US_ASCII)
                      : null;
              return new Begun(
                  new StepOrder(job.getId(), attempt.getId(), step, card.getSerial(), null, chip),
                  card.getPassCode());
            },
            UnaryOperator.identity());
    StepOrder order = begun.order();
    if (order.step() != CardStep.PRINT) {
      return order;
    }
    // rendered outside the transaction: it reads the holder from the registry's own unit
    byte[] png = renderer.png(faces.face(pass, order.cardSerial(), begun.passCode()));
    return new StepOrder(
        order.jobId(), order.attemptId(), order.step(), order.cardSerial(), png, null);
  }

  /**
   * Refuses a desk other than the one whose tray holds the job's printed card: its scanner and
   * encoder would read another card. The card moves on only when an operator voids it (the job then
   * prints anew, at any desk).
   */
  private static void requireCardHere(CardJobEntity job, String desk) {
    boolean elsewhere = job.getDesk() != null && !job.getDesk().equals(desk);
    boolean printed =
        job.getActiveStep() == null
            ? HOLDING_A_CARD.contains(job.getStatus())
            : job.getActiveStep() != CardStep.PRINT;
    if (elsewhere && printed) {
      throw new ConflictException(
          "card-at-other-desk",
          "desk",
          "the card of this job was printed at desk "
              + job.getDesk()
              + "; go on there, or void the card to print it anew",
          "card-at-other-desk",
          job.getDesk());
    }
  }

  /** A begun step and the pass code of its card. */
  private record Begun(StepOrder order, String passCode) {}

  @Override
  public CardJob report(Caller caller, long jobId, long attemptId, StepReport report) {
    if (report == null) {
      throw ValidationException.of("report", "send-outcome", "send the step's outcome");
    }
    if (!report.ok() && (report.fault() == null || !FAULTS.contains(report.fault()))) {
      throw ValidationException.oneOf("fault", FAULTS);
    }
    requireDeskRole(caller);
    CardJob done =
        tx.write(
            em -> {
              CardJobEntity job = findJob(em, jobId);
              requireDesk(caller, job.getPort());
              AttemptEntity attempt = em.find(AttemptEntity.class, attemptId);
              if (attempt == null || attempt.getJobId() != jobId) {
                throw new NotFoundException("attempt", attemptId);
              }
              if (attempt.getOutcome() != null) {
                throw new ConflictException(
                    "attempt-closed",
                    "attemptId",
                    "this attempt was already closed as " + attempt.getOutcome(),
                    "attempt-closed",
                    attempt.getOutcome());
              }
              CardEntity card = findCard(em, job);
              CardStep step = attempt.getStep();
              String problem = report.ok() ? check(em, step, card, report) : null;
              boolean ok = report.ok() && problem == null;
              String fault = ok ? null : report.ok() ? faultOf(step) : report.fault();
              String message =
                  ok ? null : problem != null ? problem : Texts.cut(report.message(), 900);
              CardJobFlow next;
              if (ok) {
                next = flow(job).succeed(step);
                if (step == CardStep.ENCODE) {
                  card.setChipUid(report.chipUid().strip());
                  card.setStatus("LIVE");
                }
              } else {
                boolean cardLost =
                    step == CardStep.PRINT
                        || (step == CardStep.VERIFY && "WRONG_READ".equals(fault));
                next = flow(job).fail(step, cardLost);
                if (cardLost) {
                  voidCurrentCard(em, job, step + " failed: " + fault + " " + message);
                }
              }
              attempt.setOutcome(ok ? "OK" : "FAILED");
              attempt.setFinishedAt(new Date());
              attempt.setDevice(Texts.cut(report.device(), 200));
              attempt.setFault(fault);
              attempt.setMessage(message);
              job.setActiveStep(null);
              job.setLastError(
                  ok ? null : step + ": " + fault + (message == null ? "" : " " + message));
              apply(job, next);
              em.flush();
              return view(em, job);
            },
            UnaryOperator.identity());
    if (done.status() == CardJobStatus.DONE) {
      reportReady(done.id(), done.passNumber());
    }
    return done;
  }

  /** Why a reported success is not one, or null: the server, not the desk, judges the card. */
  private String check(EntityManager em, CardStep step, CardEntity card, StepReport report) {
    return switch (step) {
      case PRINT -> null;
      case VERIFY -> {
        try {
          PassCode scanned = PassCode.verify(report.scanned(), keys.publicKey());
          yield card.getPassCode().equals(report.scanned().strip())
              ? null
              : "the scanned code is for card "
                  + scanned.cardSerial()
                  + ", not "
                  + card.getSerial();
        } catch (InvalidPassCodeException e) {
          yield "the scanned code is not this card's: " + e.getMessage();
        }
      }
      case ENCODE -> {
        String uid = report.chipUid() == null ? "" : report.chipUid().strip();
        if (uid.isEmpty() || uid.length() > 64) {
          yield "the encoder reported no chip UID";
        }
        if (!Arrays.equals(
            report.chipRead(), card.getPassCode().getBytes(StandardCharsets.US_ASCII))) {
          yield "the chip read back other data than was written";
        }
        List<String> other =
            em.createQuery("SELECT c.serial FROM CardEntity c WHERE c.chipUid = :uid", String.class)
                .setParameter("uid", uid)
                .getResultList();
        yield other.isEmpty() ? null : "chip " + uid + " is already card " + other.get(0);
      }
    };
  }

  private static String faultOf(CardStep step) {
    return step == CardStep.ENCODE ? "ENCODE_ERROR" : "WRONG_READ";
  }

  /**
   * A step was begun and never reported: the desk restarted or vanished. A print may or may not
   * have come out, so its card is voided (the operator destroys it if it did); a verify or encode
   * is simply run again on the same card.
   */
  private void resumeInterrupted(EntityManager em, CardJobEntity job, String desk) {
    AttemptEntity open = openAttempt(em, job);
    if (!desk.equals(job.getDesk())
        && open != null
        && System.currentTimeMillis() - open.getStartedAt().getTime() < TAKE_OVER_MILLIS) {
      throw new ConflictException(
          "job-busy",
          "desk",
          "desk " + job.getDesk() + " is running the " + open.getStep() + " step",
          "job-busy",
          job.getDesk(),
          open.getStep());
    }
    requireCardHere(job, desk);
    CardStep step = job.getActiveStep();
    closeOpenAttempt(em, job, "INTERRUPTED", "not reported by desk " + job.getDesk());
    job.setActiveStep(null);
    if (step == CardStep.PRINT) {
      voidCurrentCard(em, job, "print interrupted; destroy the card if one came out");
      apply(job, flow(job).fail(CardStep.PRINT, true));
      job.setLastError("PRINT: INTERRUPTED the desk stopped during the print");
    }
  }

  // --- operators ---

  @Override
  public Page<CardJob> queue(Caller caller, String port, CardJobStatus status, PageRequest page) {
    String code = requireDesk(caller, port);
    return tx.read(
        em ->
            PagedQuery.of(CardJobEntity.class)
                .where("e.port = :port", "port", code)
                .whereGiven("e.status = :status", "status", status)
                .page(em, "e.id", page, j -> view(em, j)));
  }

  @Override
  public CardJob job(Caller caller, long jobId) {
    requireDeskRole(caller);
    return tx.read(
        em -> {
          CardJobEntity job = findJob(em, jobId);
          requireDesk(caller, job.getPort());
          return view(em, job);
        });
  }

  @Override
  public List<CardJob> jobsOfPass(Caller caller, String passNumber) {
    Pass pass = passes.get(caller, passNumber); // the caller must be allowed to see the pass
    return tx.read(
        em ->
            em
                .createQuery(
                    "SELECT j FROM CardJobEntity j WHERE j.passNumber = :n ORDER BY j.id DESC",
                    CardJobEntity.class)
                .setParameter("n", pass.number())
                .getResultList()
                .stream()
                .map(j -> view(em, j))
                .toList());
  }

  @Override
  public CardJob retry(Caller caller, long jobId) {
    return operate(
        caller,
        jobId,
        "card-job.retried",
        (em, job) -> {
          apply(job, flow(job).retry());
          job.setLastError(null);
          return "retry " + job.getStatus();
        });
  }

  @Override
  public CardJob voidCard(Caller caller, long jobId, String reason) {
    String why = requireReason(reason);
    return operate(
        caller,
        jobId,
        "card-job.card-voided",
        (em, job) -> {
          CardJobFlow next = flow(job).voidCard();
          String serial = job.getCardSerial();
          closeOpenAttempt(em, job, "INTERRUPTED", "the card was voided");
          voidCurrentCard(em, job, why);
          apply(job, next);
          return "voided " + serial + ": " + why;
        });
  }

  @Override
  public CardJob.Card pickUp(Caller caller, String passNumber, String collectedBy) {
    Pass pass = passes.get(caller, passNumber);
    requireDesk(caller, pass.pickupPort());
    String number = pass.number();
    CardEntity ready =
        tx.read(
            em ->
                em
                    .createQuery(
                        "SELECT c FROM CardEntity c WHERE c.passNumber = :n AND c.status = 'LIVE'"
                            + " AND c.collectedAt IS NULL",
                        CardEntity.class)
                    .setParameter("n", number)
                    .getResultList()
                    .stream()
                    .findFirst()
                    .orElseThrow(
                        () ->
                            new ConflictException(
                                "no-card",
                                "passNumber",
                                "no card of this pass waits for pickup",
                                "no-card-waiting")));
    String who =
        Texts.required(
            "collectedBy",
            collectedBy,
            200,
            "collected-by",
            "name the person who collected the card (at most 200 characters)",
            200);
    if (pass.status() == PassStatus.PENDING_CARD) {
      passes.pickUp(caller, number, who);
    }
    return tx.write(
        em -> {
          CardEntity card = em.find(CardEntity.class, ready.getSerial());
          card.setCollectedBy(who);
          card.setCollectedAt(new Date());
          AuditTrail.append(em, caller, "card.picked-up", "card", card.getSerial(), null, who);
          return card;
        },
        CardServiceImpl::card);
  }

  @Override
  public CardJob reportLost(Caller caller, String passNumber, String reason) {
    String why = requireReason(reason);
    Pass pass = passes.get(caller, passNumber);
    boolean mayReport =
        caller.actsFor(pass.companyId()) || caller.actsAt(Role.CARD_DESK, pass.pickupPort());
    if (!mayReport) {
      throw new ForbiddenException(
          "a lost card is reported by the pass holder's company or the pickup port's card desk",
          "lost-card-reporters");
    }
    if (pass.status() != PassStatus.ACTIVE && pass.status() != PassStatus.SUSPENDED) {
      throw new ConflictException(
          "pass-status",
          "status",
          "the pass is " + pass.status() + "; no replacement card is made",
          "pass-no-replacement",
          pass.status());
    }
    return tx.write(
        em -> {
          if (!openJobs(em, pass.number()).isEmpty()) {
            throw new ConflictException(
                "job-open", "passNumber", "a card for this pass is already being made", "job-open");
          }
          em.createQuery("SELECT c FROM CardEntity c WHERE c.livePassNumber = :n", CardEntity.class)
              .setParameter("n", pass.number())
              .getResultList()
              .forEach(c -> voidCard(c, "lost: " + why));
          int generation =
              em.createQuery(
                      "SELECT MAX(j.generation) FROM CardJobEntity j WHERE j.passNumber = :n",
                      Integer.class)
                  .setParameter("n", pass.number())
                  .getSingleResult();
          CardJobEntity job = newJob(pass.number(), pass.pickupPort(), generation + 1);
          em.persist(job);
          em.flush();
          AuditTrail.append(
              em,
              caller,
              "card.lost",
              "pass",
              pass.number(),
              null,
              why + "; replacement job " + job.getId());
          return view(em, job);
        },
        UnaryOperator.identity());
  }

  @Override
  public byte[] face(Caller caller, String passNumber, String format) {
    Pass pass = passes.get(caller, passNumber);
    // the face carries a signed pass code that gates accept: only card production gets it
    requireDesk(caller, pass.pickupPort());
    CardEntity newest =
        tx.read(
            em ->
                em
                    .createQuery(
                        "SELECT c FROM CardEntity c WHERE c.passNumber = :n ORDER BY c.createdAt DESC",
                        CardEntity.class)
                    .setParameter("n", pass.number())
                    .setMaxResults(1)
                    .getResultList()
                    .stream()
                    .findFirst()
                    .orElse(null));
    String serial = newest == null ? "PREVIEW" : newest.getSerial();
    String code =
        newest == null ? passCode(pass, serial).sign(keys.privateKey()) : newest.getPassCode();
    var face = faces.face(pass, serial, code);
    return switch (format == null ? "" : format.toLowerCase(Locale.ROOT)) {
      case "png" -> renderer.png(face);
      case "pdf" -> renderer.pdf(face);
      default -> throw ValidationException.of("format", "png-or-pdf", "must be png or pdf");
    };
  }

  // --- gates ---

  @Override
  public Verification verify(String payload, String port) {
    PassCode code;
    try {
      code = PassCode.verify(payload, keys.publicKey());
    } catch (InvalidPassCodeException e) {
      return invalid(e.reason(), e.getMessage(), null);
    }
    CardEntity card = tx.read(em -> em.find(CardEntity.class, code.cardSerial()));
    if (card == null || !card.getPassNumber().equals(code.passNumber())) {
      return invalid("unknown-pass", "no such card was made", code);
    }
    if (!"LIVE".equals(card.getStatus())) {
      return invalid(
          "card-void",
          "VOID".equals(card.getStatus())
              ? "the card was voided: " + card.getVoidReason()
              : "the card is not finished",
          code);
    }
    // One rule for first and replacement cards: a card is valid from its pickup at the desk.
    if (card.getCollectedAt() == null) {
      return invalid(
          "not-collected", "the card has not been handed over at the pickup desk yet", code);
    }
    Pass pass = passes.get(SYSTEM, code.passNumber());
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Taipei"));
    String gate = port == null || port.isBlank() ? null : port.strip().toUpperCase(Locale.ROOT);
    if (pass.status() != PassStatus.ACTIVE) {
      return invalid(
          "status",
          "the pass is "
              + pass.status()
              + (pass.statusReason() == null ? "" : ": " + pass.statusReason()),
          code);
    }
    if (today.isBefore(pass.validFrom())) {
      return invalid("not-yet-valid", "the pass is valid from " + pass.validFrom(), code);
    }
    if (today.isAfter(pass.validTo())) {
      return invalid("expired", "the pass expired on " + pass.validTo(), code);
    }
    if (gate != null && !pass.accessPorts().contains(gate)) {
      return invalid("port", "the pass does not give access to " + gate, code);
    }
    return new Verification(
        true,
        "ok",
        "valid",
        pass.number(),
        card.getSerial(),
        pass.subjectLabel(),
        pass.accessPorts(),
        pass.validFrom(),
        pass.validTo());
  }

  @Override
  public PublicKey verificationKey() {
    return keys.publicKey();
  }

  private static Verification invalid(String reason, String message, PassCode code) {
    return code == null
        ? new Verification(false, reason, message, null, null, null, null, null, null)
        : new Verification(
            false,
            reason,
            message,
            code.passNumber(),
            code.cardSerial(),
            null,
            code.accessPorts(),
            code.validFrom(),
            code.validTo());
  }

  // --- shared steps ---

  /**
   * The job's pass is ready for pickup; if the pass service is away, the catch-up says it later.
   */
  private void reportReady(long jobId, String passNumber) {
    try {
      passes.cardReady(SYSTEM, passNumber);
      tx.write(em -> findJob(em, jobId).setReadyReported(true));
    } catch (RuntimeException e) {
      LOG.warn("Pass {} could not be marked ready yet; the catch-up retries", passNumber, e);
    }
  }

  @FunctionalInterface
  private interface Operation {
    String apply(EntityManager em, CardJobEntity job);
  }

  private CardJob operate(Caller caller, long jobId, String action, Operation operation) {
    requireDeskRole(caller);
    return tx.write(
        em -> {
          CardJobEntity job = findJob(em, jobId);
          requireDesk(caller, job.getPort());
          String before = job.getStatus().name();
          String after = operation.apply(em, job);
          job.setUpdatedAt(new Date());
          em.flush();
          AuditTrail.append(em, caller, action, "card-job", "" + jobId, before, after);
          return view(em, job);
        },
        UnaryOperator.identity());
  }

  private CardEntity newCard(EntityManager em, CardJobEntity job, Pass pass) {
    long made =
        em.createQuery("SELECT COUNT(c) FROM CardEntity c WHERE c.passNumber = :n", Long.class)
            .setParameter("n", job.getPassNumber())
            .getSingleResult();
    CardEntity card = new CardEntity();
    card.setSerial(job.getPassNumber() + "-C" + (made + 1));
    card.setPassNumber(job.getPassNumber());
    card.setLivePassNumber(job.getPassNumber()); // the database allows one such card per pass
    card.setJobId(job.getId());
    card.setStatus("ISSUING");
    card.setPassCode(passCode(pass, card.getSerial()).sign(keys.privateKey()));
    card.setCreatedAt(new Date());
    em.persist(card);
    job.setCardSerial(card.getSerial());
    return card;
  }

  private static PassCode passCode(Pass pass, String serial) {
    return new PassCode(
        pass.number(), serial, pass.validFrom(), pass.validTo(), pass.accessPorts());
  }

  private static CardEntity findCard(EntityManager em, CardJobEntity job) {
    CardEntity card =
        job.getCardSerial() == null ? null : em.find(CardEntity.class, job.getCardSerial());
    if (card == null) {
      throw new ConflictException(
          "no-card", "cardSerial", "the job has no card to work on", "job-no-card");
    }
    return card;
  }

  private static void voidCurrentCard(EntityManager em, CardJobEntity job, String reason) {
    if (job.getCardSerial() != null) {
      CardEntity card = em.find(CardEntity.class, job.getCardSerial());
      if (card != null && !"VOID".equals(card.getStatus())) {
        voidCard(card, reason);
      }
      job.setCardSerial(null);
    }
  }

  private static void voidCard(CardEntity card, String reason) {
    card.setStatus("VOID");
    card.setLivePassNumber(null);
    card.setVoidReason(Texts.cut(reason, 1000));
  }

  private static AttemptEntity openAttempt(EntityManager em, CardJobEntity job) {
    return em
        .createQuery(
            "SELECT a FROM AttemptEntity a WHERE a.jobId = :job AND a.outcome IS NULL",
            AttemptEntity.class)
        .setParameter("job", job.getId())
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }

  private static void closeOpenAttempt(
      EntityManager em, CardJobEntity job, String outcome, String message) {
    AttemptEntity open = openAttempt(em, job);
    if (open != null) {
      open.setOutcome(outcome);
      open.setFinishedAt(new Date());
      open.setMessage(message);
    }
    job.setActiveStep(null);
  }

  private static List<CardJobEntity> openJobs(EntityManager em, String number) {
    return em.createQuery(
            "SELECT j FROM CardJobEntity j WHERE j.openPassNumber = :n", CardJobEntity.class)
        .setParameter("n", number)
        .getResultList();
  }

  private static CardJobEntity findJob(EntityManager em, long id) {
    CardJobEntity job = em.find(CardJobEntity.class, id);
    if (job == null) {
      throw new NotFoundException("card job", id);
    }
    return job;
  }

  private static CardJobFlow flow(CardJobEntity job) {
    return new CardJobFlow(job.getStatus(), job.getFailedStep());
  }

  private static void apply(CardJobEntity job, CardJobFlow flow) {
    job.setStatus(flow.status());
    job.setFailedStep(flow.failedStep());
    job.setOpenPassNumber(flow.status().isFinal() ? null : job.getPassNumber());
    job.setUpdatedAt(new Date());
  }

  private static String requireDesk(Caller caller, String port) {
    String code = port == null ? "" : port.strip().toUpperCase(Locale.ROOT);
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
  private static void requireDeskRole(Caller caller) {
    if (!caller.isAdmin() && !caller.has(Role.CARD_DESK)) {
      throw new ForbiddenException(
          "card production needs the CARD_DESK role", "needs-role", Role.CARD_DESK);
    }
  }

  private static String requireDeskName(String desk) {
    if (desk == null || !DESK.matcher(desk).matches()) {
      throw ValidationException.of(
          "desk",
          "desk-name",
          "name the desk with letters, digits, '.', '_' or '-' (at most 64)",
          64);
    }
    return desk;
  }

  private static String requireReason(String reason) {
    return Texts.required(
        "reason", reason, 900, "give-reason", "give a reason (at most 900 characters)", 900);
  }

  private static CardJob view(EntityManager em, CardJobEntity job) {
    List<CardJob.Attempt> attempts =
        em
            .createQuery(
                "SELECT a FROM AttemptEntity a WHERE a.jobId = :job ORDER BY a.id",
                AttemptEntity.class)
            .setParameter("job", job.getId())
            .getResultList()
            .stream()
            .map(
                a ->
                    new CardJob.Attempt(
                        a.getId(),
                        a.getStep(),
                        a.getCardSerial(),
                        a.getDesk(),
                        a.getDevice(),
                        instant(a.getStartedAt()),
                        instant(a.getFinishedAt()),
                        a.getOutcome(),
                        a.getFault(),
                        a.getMessage()))
            .toList();
    List<CardJob.Card> cards =
        em
            .createQuery(
                "SELECT c FROM CardEntity c WHERE c.jobId = :job ORDER BY c.createdAt",
                CardEntity.class)
            .setParameter("job", job.getId())
            .getResultList()
            .stream()
            .map(CardServiceImpl::card)
            .toList();
    return new CardJob(
        job.getId(),
        job.getPassNumber(),
        job.getPort(),
        job.getGeneration(),
        job.getStatus(),
        job.getFailedStep(),
        job.getActiveStep(),
        job.getDesk(),
        job.getCardSerial(),
        job.getLastError(),
        instant(job.getCreatedAt()),
        instant(job.getUpdatedAt()),
        job.getVersion(),
        attempts,
        cards);
  }

  private static CardJob.Card card(CardEntity c) {
    return new CardJob.Card(
        c.getSerial(),
        c.getPassNumber(),
        c.getStatus(),
        c.getChipUid(),
        c.getVoidReason(),
        c.getCollectedBy(),
        instant(c.getCollectedAt()),
        instant(c.getCreatedAt()));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
