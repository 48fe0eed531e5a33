package org.portpass.card.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.portpass.application.Pass;
import org.portpass.application.PassService;
import org.portpass.application.PassStatus;
import org.portpass.card.CardJob;
import org.portpass.card.gate.GatePassage;
import org.portpass.card.gate.GatePassageQuery;
import org.portpass.card.gate.GatePassageReport;
import org.portpass.card.gate.OfflineGate;
import org.portpass.card.gate.RevocationChanges;
import org.portpass.card.gate.RevocationEntry;
import org.portpass.card.gate.RevocationEntry.Kind;
import org.portpass.card.gate.RevocationList;
import org.portpass.core.Caller;
import org.portpass.core.ForbiddenException;
import org.portpass.core.PageRequest;
import org.portpass.core.Role;
import org.portpass.core.ValidationException;

class RevocationsTest {
  private static final Caller POLICE =
      new Caller("kel-police", Set.of(Role.POLICE), null, Set.of("KEL"), "127.0.0.1", "t");
  private static final Caller COMPANY =
      new Caller("clerk", Set.of(Role.COMPANY_USER), 1L, Set.of(), "127.0.0.1", "t");

  private final CardProduction production = new CardProduction();
  private final Revocations list = revocations();

  private Revocations revocations() {
    return new Revocations(
        production.jpa, () -> CardSchema.UNIT, production.passes, CardProduction.TIME, config());
  }

  private static RevocationConfig config() {
    return new RevocationConfig() {
      @Override
      public Class<? extends Annotation> annotationType() {
        return RevocationConfig.class;
      }

      @Override
      public int catchUpSeconds() {
        return 3600;
      }

      @Override
      public int resignSeconds() {
        return 300;
      }
    };
  }

  @AfterEach
  void close() {
    list.deactivate();
    production.close();
  }

  private Pass pass(String number, PassStatus status) {
    Pass pass = FakePasses.withStatus(production.passes.add(number, "KEL", List.of("KEL")), status);
    production.passes.put(pass);
    return pass;
  }

  private void changed(String number, PassStatus status) {
    production.passes.put(FakePasses.withStatus(production.passes.get(null, number), status));
    list.handleEvent(
        new Event(
            PassService.CHANGED_TOPIC,
            Map.of(PassService.PASS_NUMBER, number, PassService.STATUS, status.name())));
    list.awaitChanges();
  }

  private RevocationList full() throws Exception {
    return RevocationList.verify(list.fullList(POLICE), list.publicKey());
  }

  @Test
  void aSuspendedPassIsListedAndLeavesTheListWhenReinstated() throws Exception {
    list.awaitChanges();
    pass("KEL-2027-0000001", PassStatus.ACTIVE);
    changed("KEL-2027-0000001", PassStatus.SUSPENDED);
    RevocationList first = full();
    assertEquals(1, first.entries().size());
    RevocationEntry entry = first.entries().get(0);
    assertEquals(Kind.PASS, entry.kind());
    assertEquals("SUSPENDED", entry.reason());
    assertEquals(CardProduction.TIME.today().plusDays(30), entry.keepUntil());

    changed("KEL-2027-0000001", PassStatus.ACTIVE);
    assertEquals(0, full().entries().size());
    RevocationChanges changes =
        RevocationChanges.verify(list.changesSince(POLICE, first.version()), list.publicKey());
    assertEquals(List.of(entry.key()), changes.removed());
    assertEquals(List.of(), changes.added());
    assertEquals(first.version() + 1, changes.version());
    assertEquals(changes.version(), list.status(POLICE).version());

    // suspended again, then revoked: one entry, its reason follows the status
    changed("KEL-2027-0000001", PassStatus.SUSPENDED);
    changed("KEL-2027-0000001", PassStatus.REVOKED);
    assertEquals("REVOKED", full().entries().get(0).reason());
    RevocationChanges since =
        RevocationChanges.verify(list.changesSince(POLICE, changes.version()), list.publicKey());
    assertEquals(1, since.added().size());
    assertEquals(List.of(), since.removed(), "the entry added after the gate's version");
  }

  @Test
  void theOfflineGateFollowsTheListThroughItsChanges() throws Exception {
    list.awaitChanges();
    pass("KEL-2027-0000001", PassStatus.ACTIVE);
    pass("KEL-2027-0000002", PassStatus.ACTIVE);
    changed("KEL-2027-0000001", PassStatus.SUSPENDED);
    OfflineGate gate =
        new OfflineGate(
            list.publicKey(), Clock.fixed(Instant.parse("2027-03-01T02:00:00Z"), ZoneOffset.UTC));
    gate.load(list.fullList(POLICE));
    assertTrue(gate.entry(Kind.PASS, "KEL-2027-0000001") != null);
    changed("KEL-2027-0000001", PassStatus.ACTIVE);
    changed("KEL-2027-0000002", PassStatus.REVOKED);
    gate.apply(list.changesSince(POLICE, gate.listVersion()));
    assertEquals(list.status(POLICE).version(), gate.listVersion());
    assertEquals(null, gate.entry(Kind.PASS, "KEL-2027-0000001"));
    assertEquals("REVOKED", gate.entry(Kind.PASS, "KEL-2027-0000002").reason());
    // the gzip form holds the same bytes
    try (GZIPInputStream in =
        new GZIPInputStream(new ByteArrayInputStream(list.fullListGzip(POLICE)))) {
      assertEquals(new String(list.fullList(POLICE)), new String(in.readAllBytes()));
    }
  }

  @Test
  void theCatchUpRepairsMissedEventsAndDropsEntriesPastTheirPass() throws Exception {
    list.awaitChanges();
    pass("KEL-2027-0000001", PassStatus.SUSPENDED); // no event
    pass("KEL-2027-0000002", PassStatus.ACTIVE);
    Pass ended = pass("KEL-2027-0000003", PassStatus.REVOKED);
    production.passes.put(
        FakePasses.withDates(
            ended, ended.validFrom().minusDays(90), CardProduction.TIME.today().minusDays(1)));
    list.catchUp();
    assertEquals(
        List.of("KEL-2027-0000001"),
        full().entries().stream().map(RevocationEntry::subject).toList());
    long version = list.status(POLICE).version();
    list.catchUp();
    assertEquals(version, list.status(POLICE).version(), "nothing changed, no new version");

    production.passes.put(
        FakePasses.withStatus(production.passes.get(null, "KEL-2027-0000001"), PassStatus.ACTIVE));
    list.catchUp();
    assertEquals(0, full().entries().size());
  }

  @Test
  void aLostCardIsListedBySerial() throws Exception {
    list.awaitChanges();
    long job = production.queued("KEL-2027-0000009");
    production.made(job, "desk-1");
    production.cards.pickUp(CardProduction.KEL_DESK, "KEL-2027-0000009", "王小明");
    CardJob replacement =
        production.cards.reportLost(CardProduction.KEL_DESK, "KEL-2027-0000009", "lost");
    assertEquals(2, replacement.generation());
    list.cardsMayHaveChanged();
    list.awaitChanges();
    List<RevocationEntry> entries = full().entries();
    assertEquals(1, entries.size());
    assertEquals(Kind.CARD, entries.get(0).kind());
    assertEquals("KEL-2027-0000009-C1", entries.get(0).subject());
    assertEquals(RevocationEntry.CARD_VOID, entries.get(0).reason());
  }

  @Test
  void nodesWritingAtOnceNeverShareAVersion() throws Exception {
    list.awaitChanges();
    Revocations other = revocations();
    other.awaitChanges();
    try {
      List<String> numbers = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        String number = String.format("KEL-2027-%07d", 100 + i);
        pass(number, PassStatus.ACTIVE);
        numbers.add(number);
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<?>> done = new ArrayList<>();
      for (int n = 0; n < numbers.size(); n++) {
        String number = numbers.get(n);
        Revocations node = n % 2 == 0 ? list : other;
        production.passes.put(
            FakePasses.withStatus(production.passes.get(null, number), PassStatus.SUSPENDED));
        done.add(
            pool.submit(
                () ->
                    node.handleEvent(
                        new Event(
                            PassService.CHANGED_TOPIC, Map.of(PassService.PASS_NUMBER, number)))));
      }
      for (Future<?> f : done) {
        f.get();
      }
      pool.shutdown();
      list.awaitChanges();
      other.awaitChanges();
      assertEquals(30, list.status(POLICE).version());
      assertEquals(30, full().entries().size());
      Set<Object> versions =
          new HashSet<>(production.db.column("SELECT added_version FROM revocation_entry"));
      assertEquals(30, versions.size());
    } finally {
      other.deactivate();
    }
  }

  @Test
  void onlyPortStaffAndAdministratorsReadTheList() {
    assertThrows(ForbiddenException.class, () -> list.status(COMPANY));
    assertThrows(ForbiddenException.class, () -> list.fullList(COMPANY));
    assertThrows(ValidationException.class, () -> list.changesSince(POLICE, 5));
    assertTrue(Revocations.revokes("SEIZED"), "a status added later is listed");
    assertFalse(Revocations.revokes("ACTIVE"));
  }

  @Test
  void gatePassagesAreRecordedAndFoundPerPassAndPort() {
    GatePassages gates =
        new GatePassages(production.jpa, () -> CardSchema.UNIT, CardProduction.TIME);
    String code =
        new org.portpass.card.PassCode(
                "KEL-2027-0000001",
                "KEL-2027-0000001-C1",
                CardProduction.TIME.today(),
                CardProduction.TIME.today().plusDays(3),
                List.of("KEL"))
            .sign(
                PassCodeKeys.loadOrCreate(new org.portpass.storage.Transactions(production.jpa))
                    .privateKey());
    Instant now = CardProduction.TIME.clock().instant();
    GatePassage ok = gates.record(POLICE, new GatePassageReport(code, "kel", "A1", now, "ok"));
    assertEquals("KEL-2027-0000001", ok.passNumber());
    assertTrue(ok.valid());
    gates.record(POLICE, new GatePassageReport(code, "KEL", null, now.plusSeconds(1), "status"));
    assertThrows(
        ForbiddenException.class,
        () ->
            gates.record(
                CardProduction.KEL_DESK, new GatePassageReport(code, "KEL", null, now, "ok")));
    assertThrows(
        ValidationException.class,
        () ->
            gates.record(
                POLICE, new GatePassageReport(code, "KEL", null, now.plusSeconds(3600), "ok")));
    var found =
        gates.find(
            CardProduction.KEL_DESK,
            new GatePassageQuery(null, "KEL-2027-0000001", null, null),
            PageRequest.first(10));
    assertEquals(2, found.total());
    assertEquals("status", found.items().get(0).result(), "newest first");
    assertThrows(
        ForbiddenException.class,
        () ->
            gates.find(
                CardProduction.KEL_DESK,
                new GatePassageQuery("KHH", null, null, null),
                PageRequest.first(10)));
  }
}
