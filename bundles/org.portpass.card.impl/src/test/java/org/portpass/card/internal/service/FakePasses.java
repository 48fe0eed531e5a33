package org.portpass.card.internal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.portpass.application.Pass;
import org.portpass.application.PassQuery;
import org.portpass.application.PassService;
import org.portpass.application.PassStatus;
import org.portpass.application.PassType;
import org.portpass.application.SubjectKind;
import org.portpass.core.Caller;
import org.portpass.core.NotFoundException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;

/**
 * The application capability's passes as card production sees them: kept in a map, with the
 * hand-overs (card ready, picked up) recorded so a test can assert them.
 */
final class FakePasses implements PassService {
  static final long PERSON_ID = 7;

  private final Map<String, Pass> passes = new ConcurrentHashMap<>();
  final List<String> readied = new CopyOnWriteArrayList<>();

  /**
   * A person's pass waiting for its card at {@code pickupPort}, valid from yesterday for 30 days.
   */
  Pass add(String number, String pickupPort, List<String> accessPorts) {
    LocalDate today = CardProduction.TIME.today();
    Pass pass =
        new Pass(
            number,
            1,
            1,
            1,
            SubjectKind.PERSON,
            PERSON_ID,
            "王小明",
            PassType.LONG_TERM,
            accessPorts,
            pickupPort,
            today.minusDays(1),
            today.plusDays(30),
            PassStatus.PENDING_CARD,
            null,
            null,
            null,
            Instant.now(),
            0);
    passes.put(number, pass);
    return pass;
  }

  void put(Pass pass) {
    passes.put(pass.number(), pass);
  }

  static Pass withStatus(Pass p, PassStatus status) {
    return new Pass(
        p.number(),
        p.lineId(),
        p.formId(),
        p.companyId(),
        p.subjectKind(),
        p.subjectId(),
        p.subjectLabel(),
        p.passType(),
        p.accessPorts(),
        p.pickupPort(),
        p.validFrom(),
        p.validTo(),
        status,
        status == PassStatus.SUSPENDED ? "under investigation" : p.statusReason(),
        p.collectedBy(),
        p.collectedAt(),
        p.createdAt(),
        p.version() + 1);
  }

  static Pass withDates(Pass p, LocalDate from, LocalDate to) {
    return new Pass(
        p.number(),
        p.lineId(),
        p.formId(),
        p.companyId(),
        p.subjectKind(),
        p.subjectId(),
        p.subjectLabel(),
        p.passType(),
        p.accessPorts(),
        p.pickupPort(),
        from,
        to,
        p.status(),
        p.statusReason(),
        p.collectedBy(),
        p.collectedAt(),
        p.createdAt(),
        p.version() + 1);
  }

  @Override
  public Pass get(Caller caller, String number) {
    Pass pass = passes.get(number);
    if (pass == null) {
      throw new NotFoundException("pass", number);
    }
    return pass;
  }

  @Override
  public List<Pass> awaitingCard(Caller caller, String pickupPort, int max) {
    return passes.values().stream()
        .filter(p -> p.status() == PassStatus.PENDING_CARD)
        .filter(p -> pickupPort == null || p.pickupPort().equals(pickupPort))
        .limit(max)
        .toList();
  }

  @Override
  public Pass cardReady(Caller caller, String number) {
    readied.add(number);
    return get(caller, number);
  }

  @Override
  public Pass pickUp(Caller caller, String number, String collectedBy) {
    Pass active = withStatus(get(caller, number), PassStatus.ACTIVE);
    passes.put(number, active);
    return active;
  }

  @Override
  public Page<Pass> find(Caller caller, PassQuery query, PageRequest page) {
    List<Pass> found =
        passes.values().stream()
            .filter(p -> query.status() == null || p.status() == query.status())
            .sorted(java.util.Comparator.comparing(Pass::number))
            .toList();
    return new Page<>(
        found.stream().skip(page.offset()).limit(page.size()).toList(),
        page.page(),
        page.size(),
        found.size());
  }

  @Override
  public Pass suspend(Caller caller, String number, String reason) {
    throw new UnsupportedOperationException("not used by card production");
  }

  @Override
  public Pass reinstate(Caller caller, String number) {
    throw new UnsupportedOperationException("not used by card production");
  }

  @Override
  public Pass revoke(Caller caller, String number, String reason) {
    throw new UnsupportedOperationException("not used by card production");
  }

  @Override
  public int expire(LocalDate today) {
    throw new UnsupportedOperationException("not used by card production");
  }
}
