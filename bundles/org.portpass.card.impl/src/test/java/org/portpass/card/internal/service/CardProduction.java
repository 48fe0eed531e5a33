package org.portpass.card.internal.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.portpass.card.CardJob;
import org.portpass.card.CardStep;
import org.portpass.card.StepOrder;
import org.portpass.card.StepReport;
import org.portpass.core.Caller;
import org.portpass.core.PortTime;
import org.portpass.core.Role;
import org.portpass.registry.VehicleService;
import org.portpass.storage.Transactions;
import org.portpass.testing.LocalJpaTemplate;
import org.portpass.testing.TestDatabase;
import org.portpass.testing.Unused;

/**
 * Card production as the server wires it (the real {@link CardServiceImpl} on its own schema), with
 * the application's passes and the registry faked, and the steps a desk runs as one-liners.
 */
final class CardProduction implements AutoCloseable {
  static final Caller KEL_DESK = desk("kel-desk", "KEL");
  static final Caller KHH_DESK = desk("khh-desk", "KHH");

  /** The ports' clock, fixed: pass dates are judged against 1 March 2027 in Taipei. */
  static final PortTime TIME =
      PortTime.of(Clock.fixed(Instant.parse("2027-03-01T02:00:00Z"), ZoneOffset.UTC));

  final TestDatabase db = TestDatabase.migrated("db/audit.xml", "db/card.xml");
  final LocalJpaTemplate jpa = db.unit("portpass-card");
  final FakePasses passes = new FakePasses();
  final RecordingRenderer renderer = new RecordingRenderer();
  final CardServiceImpl cards =
      new CardServiceImpl(
          jpa,
          () -> CardSchema.UNIT,
          passes,
          renderer,
          new OnePerson(),
          Unused.service(VehicleService.class),
          new NoAttachments(),
          TIME);

  static Caller desk(String name, String port) {
    return new Caller(name, Set.of(Role.CARD_DESK), null, Set.of(port), "127.0.0.1", "test");
  }

  /** An issued pass for pickup at KEL and its first card job, as the intake queues it. */
  long queued(String passNumber) {
    passes.add(passNumber, "KEL", List.of("KEL", "TPE"));
    new Transactions(jpa).write(em -> em.persist(CardRecords.newJob(passNumber, "KEL", 1)));
    return (Long) db.column("SELECT id FROM card_job WHERE pass_number = ?", passNumber).get(0);
  }

  StepOrder begin(long jobId, String desk) {
    return cards.begin(KEL_DESK, jobId, desk);
  }

  /** Reports the begun step as the desk's devices do when all goes well. */
  CardJob succeed(StepOrder order) {
    StepReport report =
        switch (order.step()) {
          case PRINT -> new StepReport(true, "printer-1", null, null, null, null, null);
          case VERIFY ->
              new StepReport(true, "scanner-1", null, null, renderer.lastPrintedCode(), null, null);
          case ENCODE ->
              new StepReport(
                  true,
                  "encoder-1",
                  null,
                  null,
                  null,
                  "04A1B2C3" + order.jobId(),
                  order.chipData());
        };
    return cards.report(KEL_DESK, order.jobId(), order.attemptId(), report);
  }

  CardJob fail(StepOrder order, String fault, String message) {
    return cards.report(
        KEL_DESK, order.jobId(), order.attemptId(), StepReport.failed("device-1", fault, message));
  }

  /** Runs the job's next step at {@code desk} to success. */
  CardJob step(long jobId, String desk, CardStep expected) {
    StepOrder order = begin(jobId, desk);
    if (order.step() != expected) {
      throw new AssertionError("expected " + expected + ", the desk got " + order.step());
    }
    return succeed(order);
  }

  CardJob made(long jobId, String desk) {
    step(jobId, desk, CardStep.PRINT);
    step(jobId, desk, CardStep.VERIFY);
    return step(jobId, desk, CardStep.ENCODE);
  }

  String chipData(StepOrder order) {
    return new String(order.chipData(), StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    db.close();
  }
}
