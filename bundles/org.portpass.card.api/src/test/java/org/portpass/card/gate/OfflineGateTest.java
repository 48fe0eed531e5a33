package org.portpass.card.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.portpass.card.PassCode;
import org.portpass.card.gate.RevocationEntry.Kind;

class OfflineGateTest {
  private static final KeyPair KEYS = keys();
  private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z"); // 10:00 in Taipei
  private static final Instant ISSUED = NOW.minusSeconds(90);
  private static final LocalDate FROM = LocalDate.of(2026, 12, 1);
  private static final LocalDate TO = LocalDate.of(2027, 11, 30);

  private static String code(String pass, String serial) {
    return new PassCode(pass, serial, FROM, TO, List.of("KEL", "TPE")).sign(KEYS.getPrivate());
  }

  private static RevocationEntry pass(String number, String status) {
    return new RevocationEntry(Kind.PASS, number, status, NOW.minusSeconds(3600), TO);
  }

  private static RevocationEntry card(String serial) {
    return new RevocationEntry(
        Kind.CARD, serial, RevocationEntry.CARD_VOID, NOW.minusSeconds(60), TO);
  }

  private static OfflineGate gate(Instant now, RevocationEntry... entries) throws Exception {
    OfflineGate gate = new OfflineGate(KEYS.getPublic(), Clock.fixed(now, ZoneOffset.UTC));
    gate.load(new RevocationList(7, ISSUED, List.of(entries)).sign(KEYS.getPrivate()));
    return gate;
  }

  @Test
  void aValidCodeNotOnTheListPasses() throws Exception {
    OfflineGate gate = gate(NOW, pass("KEL-2026-0000009", "REVOKED"));
    OfflineVerification v = gate.verify(code("KEL-2026-0000001", "KEL-2026-0000001-C1"), "kel");
    assertTrue(v.valid(), v.toString());
    assertEquals("ok", v.reason());
    assertEquals("KEL-2026-0000001", v.passNumber());
    assertEquals(7, v.listVersion());
    assertEquals(Duration.ofSeconds(90), v.listAge());
  }

  @Test
  void aRevokedPassIsRefusedWithTheServersReason() throws Exception {
    OfflineGate gate = gate(NOW, pass("KEL-2026-0000001", "SUSPENDED"));
    OfflineVerification v = gate.verify(code("KEL-2026-0000001", "KEL-2026-0000001-C2"), "KEL");
    assertFalse(v.valid());
    assertEquals("status", v.reason());
    assertTrue(v.message().contains("SUSPENDED"), v.message());
  }

  @Test
  void aStatusTheGateHasNeverHeardOfIsRefusedAlike() throws Exception {
    OfflineGate gate = gate(NOW, pass("KEL-2026-0000001", "SEIZED"));
    assertEquals(
        "status", gate.verify(code("KEL-2026-0000001", "KEL-2026-0000001-C1"), null).reason());
  }

  @Test
  void aVoidedCardIsRefusedWhileThePassesNewCardPasses() throws Exception {
    OfflineGate gate = gate(NOW, card("KEL-2026-0000001-C1"));
    assertEquals(
        "card-void", gate.verify(code("KEL-2026-0000001", "KEL-2026-0000001-C1"), "KEL").reason());
    assertTrue(gate.verify(code("KEL-2026-0000001", "KEL-2026-0000001-C2"), "KEL").valid());
  }

  @Test
  void datesPortAndSignatureAreCheckedOffline() throws Exception {
    OfflineGate gate = gate(NOW);
    String code = code("KEL-2026-0000001", "KEL-2026-0000001-C1");
    assertEquals("port", gate.verify(code, "KHH").reason());
    String forged =
        new PassCode("KEL-2026-0000001", "X", FROM, TO, List.of("KEL")).sign(keys().getPrivate());
    assertEquals("signature", gate.verify(forged, "KEL").reason());
    assertEquals("format", gate.verify("https://example.com", "KEL").reason());
    OfflineGate early = gate(Instant.parse("2026-11-30T15:00:00Z"));
    assertEquals("not-yet-valid", early.verify(code, "KEL").reason()); // 23:00 in Taipei
    OfflineGate late = gate(Instant.parse("2027-11-30T16:00:00Z"));
    assertEquals("expired", late.verify(code, "KEL").reason()); // 00:00 on Dec 1 in Taipei
  }

  @Test
  void anOldListReportsItsAge() throws Exception {
    OfflineGate gate = gate(NOW.plus(Duration.ofDays(3)));
    assertEquals(Duration.ofDays(3).plusSeconds(90), gate.listAge());
    OfflineVerification v = gate.verify(code("KEL-2026-0000001", "KEL-2026-0000001-C1"), "KEL");
    assertEquals(Duration.ofDays(3).plusSeconds(90), v.listAge());
  }

  @Test
  void withoutAListNothingPasses() {
    OfflineGate gate = new OfflineGate(KEYS.getPublic(), Clock.fixed(NOW, ZoneOffset.UTC));
    OfflineVerification v = gate.verify(code("KEL-2026-0000001", "KEL-2026-0000001-C1"), "KEL");
    assertEquals("no-list", v.reason());
    assertNull(gate.listAge());
  }

  @Test
  void aTamperedListIsRefusedAndTheOldOneKept() throws Exception {
    OfflineGate gate = gate(NOW, pass("KEL-2026-0000001", "REVOKED"));
    String text =
        new String(
            new RevocationList(8, NOW, List.of(pass("KEL-2026-0000001", "REVOKED")))
                .sign(KEYS.getPrivate()),
            StandardCharsets.UTF_8);
    String dropped = text.replace("P KEL-2026-0000001 REVOKED", "P KEL-2026-0000002 REVOKED");
    InvalidRevocationListException e =
        assertThrows(
            InvalidRevocationListException.class,
            () -> gate.load(dropped.getBytes(StandardCharsets.UTF_8)));
    assertEquals("signature", e.reason());
    byte[] otherKey = new RevocationList(8, NOW, List.of()).sign(keys().getPrivate());
    assertEquals(
        "signature",
        assertThrows(InvalidRevocationListException.class, () -> gate.load(otherKey)).reason());
    assertEquals(
        "format",
        assertThrows(
                InvalidRevocationListException.class,
                () -> gate.load("PPRL1 list\n".getBytes(StandardCharsets.UTF_8)))
            .reason());
    assertEquals(7, gate.listVersion());
    assertEquals(
        "status", gate.verify(code("KEL-2026-0000001", "KEL-2026-0000001-C1"), "KEL").reason());
  }

  @Test
  void changesAddAndRemoveEntriesAndRenewTheListsAge() throws Exception {
    OfflineGate gate = gate(NOW, pass("KEL-2026-0000001", "SUSPENDED"));
    byte[] changes =
        new RevocationChanges(
                7,
                9,
                NOW,
                List.of(card("KEL-2026-0000002-C1")),
                List.of(new RevocationEntry.Key(Kind.PASS, "KEL-2026-0000001")))
            .sign(KEYS.getPrivate());
    gate.apply(changes);
    assertEquals(9, gate.listVersion());
    assertEquals(Duration.ZERO, gate.listAge());
    assertTrue(gate.verify(code("KEL-2026-0000001", "KEL-2026-0000001-C1"), "KEL").valid());
    assertEquals(
        "card-void", gate.verify(code("KEL-2026-0000002", "KEL-2026-0000002-C1"), "KEL").reason());
    // the same changes again do not continue the list at 9
    assertEquals(
        "sequence",
        assertThrows(InvalidRevocationListException.class, () -> gate.apply(changes)).reason());
  }

  @Test
  void theTextRoundTripsAndIsSmall() throws Exception {
    List<RevocationEntry> entries = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      entries.add(pass(String.format("KEL-2026-%07d", i), i % 2 == 0 ? "SUSPENDED" : "REVOKED"));
    }
    entries.add(card("KEL-2026-0000001-C1"));
    RevocationList list = new RevocationList(42, NOW, entries);
    byte[] text = list.sign(KEYS.getPrivate());
    RevocationList read = RevocationList.verify(text, KEYS.getPublic());
    assertEquals(list, read);
    String s = new String(text, StandardCharsets.UTF_8);
    assertTrue(s.startsWith("PPRL1 list\nversion 42\nissued-at " + NOW + "\nentries 1001\nP "), s);
    assertTrue(s.contains("\nC KEL-2026-0000001-C1 CARD_VOID "), "cards after passes");
    assertTrue(text.length < 70 * 1001, "bytes: " + text.length);
    RevocationChanges changes =
        new RevocationChanges(
            40, 42, NOW, entries.subList(0, 3), List.of(new RevocationEntry.Key(Kind.CARD, "A-1")));
    assertEquals(
        changes, RevocationChanges.verify(changes.sign(KEYS.getPrivate()), KEYS.getPublic()));
  }

  private static KeyPair keys() {
    try {
      return KeyPairGenerator.getInstance(PassCode.ALGORITHM).generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
