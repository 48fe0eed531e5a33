package org.portpass.card.internal.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.portpass.application.Pass;
import org.portpass.application.PassQuery;
import org.portpass.application.PassService;
import org.portpass.application.PassStatus;
import org.portpass.card.CardStatus;
import org.portpass.card.InvalidPassCodeException;
import org.portpass.card.PassCode;
import org.portpass.card.gate.RevocationChanges;
import org.portpass.card.gate.RevocationEntry;
import org.portpass.card.gate.RevocationEntry.Key;
import org.portpass.card.gate.RevocationEntry.Kind;
import org.portpass.card.gate.RevocationList;
import org.portpass.card.gate.RevocationService;
import org.portpass.card.gate.RevocationStatus;
import org.portpass.card.internal.entity.CardEntity;
import org.portpass.core.Caller;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.PortTime;
import org.portpass.core.Role;
import org.portpass.core.ValidationException;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revocation list (註銷清單), kept from the passes' status changes (Event Admin, handled off its
 * thread), from card production's own voids, and by a periodic catch-up that compares the list with
 * every pass of a status that is not valid at the gates and every voided card, so a missed event is
 * repaired. A pass is listed while its status is anything but PENDING_CARD, ACTIVE or EXPIRED (so a
 * status added later is listed without a change here); a voided card by its serial. Entries are
 * dropped after the pass's valid-to date. All changes run on one thread per node; the database's
 * versions keep several nodes apart.
 */
@Component(
    immediate = true,
    configurationPid = Revocations.PID,
    service = {RevocationService.class, RevocationFeed.class, EventHandler.class},
    property = EventConstants.EVENT_TOPIC + "=" + PassService.CHANGED_TOPIC)
@Designate(ocd = RevocationConfig.class)
public class Revocations implements RevocationService, RevocationFeed, EventHandler {
  static final String PID = "org.portpass.card.revocations";
  private static final Logger LOG = LoggerFactory.getLogger(Revocations.class);

  /** The statuses a pass is valid in at the gates (within its dates); every other is listed. */
  private static final Set<String> VALID =
      Set.of(PassStatus.PENDING_CARD.name(), PassStatus.ACTIVE.name(), PassStatus.EXPIRED.name());

  private final Transactions tx;
  private final RevocationLedger ledger;
  private final PassService passes;
  private final PortTime time;
  private final PassCodeKeys keys;
  private final Duration resign;
  private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor();
  private final Object signing = new Object();
  private volatile Signed signed;
  private Instant lastCardScan; // worker thread only

  /** A signed full list, served until its version changes or it is {@link #resign} old. */
  private record Signed(long version, Instant signedAt, byte[] text, byte[] gzip) {}

  @Activate
  public Revocations(
      @Reference(target = "(osgi.unit.name=portpass-card)") JpaTemplate jpa,
      @Reference(target = CardSchema.READY) SchemaReady schema,
      @Reference PassService passes,
      @Reference PortTime time,
      RevocationConfig config) {
    this.tx = new Transactions(jpa);
    this.ledger = new RevocationLedger(tx);
    this.passes = passes;
    this.time = time;
    this.keys = PassCodeKeys.loadOrCreate(tx);
    this.resign = Duration.ofSeconds(Math.max(1, config.resignSeconds()));
    worker.scheduleWithFixedDelay(
        this::catchUp, 0, Math.max(1, config.catchUpSeconds()), TimeUnit.SECONDS);
  }

  @Deactivate
  void deactivate() {
    // no interrupt while a query runs: Derby closes a connection whose thread is interrupted
    worker.shutdown();
    try {
      if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
        worker.shutdownNow();
      }
    } catch (InterruptedException e) {
      worker.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  /** Waits until the changes submitted so far are applied (tests, the shell). */
  void awaitChanges() {
    try {
      worker.submit(() -> {}).get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the revocation list's worker did not answer", e);
    }
  }

  /** True when a pass of this status must be refused at the gates although its dates are valid. */
  static boolean revokes(String status) {
    return status != null && !VALID.contains(status);
  }

  // --- reading ---

  @Override
  public RevocationStatus status(Caller caller) {
    requireReader(caller);
    return tx.read(
        em -> {
          RevocationLedger.Version v = ledger.current(em);
          return new RevocationStatus(v.number(), v.issuedAt(), ledger.count(em));
        });
  }

  @Override
  public byte[] fullList(Caller caller) {
    requireReader(caller);
    return signedList().text();
  }

  @Override
  public byte[] fullListGzip(Caller caller) {
    requireReader(caller);
    return signedList().gzip();
  }

  @Override
  public byte[] changesSince(Caller caller, long since) {
    requireReader(caller);
    RevocationChanges changes =
        tx.read(
            em -> {
              RevocationLedger.Version v = ledger.current(em);
              if (since < 0 || since > v.number()) {
                throw ValidationException.of(
                    "since",
                    "revocation-since",
                    "must be a version of the list, from 0 to " + v.number(),
                    v.number());
              }
              return ledger.changes(em, since, v, Instant.now());
            });
    return changes.sign(keys.privateKey());
  }

  /** The public key of the list's signature (the pass-code key). */
  PublicKey publicKey() {
    return keys.publicKey();
  }

  private Signed signedList() {
    long version = tx.read(em -> ledger.current(em).number());
    Signed current = signed;
    if (fresh(current, version)) {
      return current;
    }
    synchronized (signing) {
      current = signed;
      if (fresh(current, version)) {
        return current;
      }
      RevocationList list =
          tx.read(
              em -> {
                long v = ledger.current(em).number();
                return new RevocationList(v, Instant.now(), ledger.entriesAt(em, v));
              });
      byte[] text = list.sign(keys.privateKey());
      signed = new Signed(list.version(), list.issuedAt(), text, gzip(text));
      return signed;
    }
  }

  private boolean fresh(Signed s, long version) {
    return s != null
        && s.version() == version
        && Duration.between(s.signedAt(), Instant.now()).compareTo(resign) < 0;
  }

  private static byte[] gzip(byte[] text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length / 4 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out, 1 << 16)) {
      zip.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Administrators and port staff: card desks, the harbor police at the gates, reviewers. */
  static void requireReader(Caller caller) {
    if (caller.isAdmin()) {
      return;
    }
    for (Role role : caller.roles()) {
      if (role.isPortRole() && !caller.ports().isEmpty()) {
        return;
      }
    }
    throw new ForbiddenException(
        "the revocation list is for port staff and administrators", "revocation-readers");
  }

  // --- keeping it ---

  @Override
  public void handleEvent(Event event) {
    String number = (String) event.getProperty(PassService.PASS_NUMBER);
    submit(() -> syncPass(number));
  }

  @Override
  public void cardsMayHaveChanged() {
    submit(this::syncCards);
  }

  private void submit(Runnable work) {
    try {
      worker.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              LOG.warn("Revocation list update failed; the next catch-up repairs it", e);
            }
          });
    } catch (RejectedExecutionException stopping) {
      // deactivated: the next start catches up
    }
  }

  /** Lists, relists or unlists one pass after a status change. */
  private void syncPass(String number) {
    Pass pass;
    try {
      pass = passes.get(CardAccess.SYSTEM, number);
    } catch (NotFoundException gone) {
      return;
    }
    Key key = new Key(Kind.PASS, pass.number());
    Map<Key, RevocationEntry> wanted = new HashMap<>();
    wanted.put(key, wantedEntry(pass, ledger.listed().get(key)));
    long version = ledger.apply(wanted);
    if (version > 0) {
      LOG.info("Revocation list version {}: pass {} is {}", version, number, pass.status());
    }
  }

  private RevocationEntry wantedEntry(Pass pass, RevocationEntry listed) {
    LocalDate today = time.today();
    if (!revokes(pass.status().name()) || pass.validTo().isBefore(today)) {
      return null;
    }
    String reason = pass.status().name();
    Instant since =
        listed != null && listed.reason().equals(reason) ? listed.since() : Instant.now();
    return new RevocationEntry(Kind.PASS, pass.number(), reason, since, pass.validTo());
  }

  /**
   * Lists the cards voided since the last time: card production queues each void in its own
   * transaction; each is read by its primary key, listed, and taken off the queue.
   */
  private void syncCards() {
    List<?> queued =
        tx.read(
            em -> em.createNativeQuery("SELECT serial FROM revocation_card_void").getResultList());
    if (queued.isEmpty()) {
      return;
    }
    LocalDate today = time.today();
    Map<Key, RevocationEntry> wanted = new HashMap<>();
    for (Object serial : queued) {
      CardEntity card = tx.read(em -> em.find(CardEntity.class, serial));
      RevocationEntry entry =
          card == null || card.getStatus() != CardStatus.VOID
              ? null
              : cardEntry(card.getSerial(), card.getPassCode(), today);
      if (entry != null && !ledger.hasEverListed(entry.key())) {
        wanted.put(entry.key(), entry);
      }
    }
    long version = ledger.apply(wanted);
    if (version > 0) {
      LOG.info("Revocation list version {}: {} voided card(s) listed", version, wanted.size());
    }
    tx.write(
        em -> {
          for (Object serial : queued) {
            em.createNativeQuery("DELETE FROM revocation_card_void WHERE serial = ?")
                .setParameter(1, serial)
                .executeUpdate();
          }
        });
  }

  /**
   * Lists every voided card not listed before (a card never becomes valid again), from the card
   * table itself: the repair for voids the queue does not hold (made before the list existed). Rare
   * (at start and hourly): it reads the card table while desks may be writing it.
   */
  private void scanVoidedCards() {
    List<?> rows =
        tx.read(
            em ->
                em.createNativeQuery(
                        "SELECT c.serial, c.pass_code FROM card c WHERE c.status = 'VOID'"
                            + " AND NOT EXISTS (SELECT 1 FROM revocation_entry r"
                            + " WHERE r.kind = 'C' AND r.subject = c.serial)")
                    .getResultList());
    Map<Key, RevocationEntry> wanted = new HashMap<>();
    LocalDate today = time.today();
    for (Object row : rows) {
      Object[] r = (Object[]) row;
      RevocationEntry entry = cardEntry((String) r[0], (String) r[1], today);
      if (entry != null) {
        wanted.put(entry.key(), entry);
      }
    }
    long version = ledger.apply(wanted);
    if (version > 0) {
      LOG.info(
          "Revocation list version {}: {} voided card(s) found and listed", version, wanted.size());
    }
  }

  private RevocationEntry cardEntry(String serial, String code, LocalDate today) {
    try {
      PassCode pass = PassCode.verify(code, keys.publicKey());
      if (pass.validTo().isBefore(today)) {
        return null;
      }
      return new RevocationEntry(
          Kind.CARD, serial, RevocationEntry.CARD_VOID, Instant.now(), pass.validTo());
    } catch (InvalidPassCodeException | IllegalArgumentException e) {
      return null; // not a code any gate accepts
    }
  }

  /**
   * Compares the list with every pass of a status that is listed and every voided card: adds what
   * is missing, relists a changed status, unlists reinstated passes and entries past their
   * keep-until date. Runs on the same thread as the events, so the two never cross on this node.
   */
  void catchUp() {
    try {
      syncCards();
      if (lastCardScan == null || Duration.between(lastCardScan, Instant.now()).toHours() >= 1) {
        scanVoidedCards();
        lastCardScan = Instant.now();
      }
      Map<Key, RevocationEntry> listed = ledger.listed();
      Map<Key, RevocationEntry> wanted = new HashMap<>();
      Set<Key> revoked = new HashSet<>();
      for (PassStatus status : PassStatus.values()) {
        if (!revokes(status.name())) {
          continue;
        }
        for (int page = 0; ; page++) {
          Page<Pass> found =
              passes.find(
                  CardAccess.SYSTEM,
                  new PassQuery(null, null, status, null),
                  new PageRequest(page, PageRequest.MAX_SIZE));
          for (Pass pass : found.items()) {
            Key key = new Key(Kind.PASS, pass.number());
            RevocationEntry entry = wantedEntry(pass, listed.get(key));
            if (entry != null) {
              revoked.add(key);
              if (!entry.equals(listed.get(key))) {
                wanted.put(key, entry);
              }
            }
          }
          if ((long) (page + 1) * PageRequest.MAX_SIZE >= found.total()) {
            break;
          }
        }
      }
      LocalDate today = time.today();
      listed.forEach(
          (key, entry) -> {
            boolean stale =
                key.kind() == Kind.PASS
                    ? !revoked.contains(key)
                    : entry.keepUntil().isBefore(today);
            if (stale) {
              wanted.put(key, null);
            }
          });
      long version = ledger.apply(wanted);
      if (version > 0) {
        LOG.info(
            "Revocation list version {}: the catch-up changed {} entries", version, wanted.size());
      }
    } catch (RuntimeException e) {
      LOG.warn("Revocation list catch-up failed; trying again later", e);
    }
  }
}
