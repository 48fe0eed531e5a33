package org.portpass.card.internal.service;

import java.security.PublicKey;
import java.util.List;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.portpass.application.PassService;
import org.portpass.card.CardFaceRenderer;
import org.portpass.card.CardJob;
import org.portpass.card.CardJobStatus;
import org.portpass.card.CardJobs;
import org.portpass.card.CardService;
import org.portpass.card.StepOrder;
import org.portpass.card.StepReport;
import org.portpass.card.Verification;
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.PortTime;
import org.portpass.registry.AttachmentService;
import org.portpass.registry.PersonService;
import org.portpass.registry.VehicleService;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;

/**
 * Card jobs and cards for port staff, desks and gates: one service over the pieces that do the
 * work, built here with the one signing key they share. The desk's protocol is {@link DeskProtocol}
 * and {@link StepReports}, the operators' actions {@link CardOperations}, the gates' check {@link
 * GateVerification}; jobs are queued by {@link CardIntake}. Work on passes (another persistence
 * unit) happens outside card production's transactions.
 */
@Component(service = {CardService.class, CardJobs.class})
public class CardServiceImpl implements CardService {
  private final DeskProtocol desks;
  private final StepReports reports;
  private final CardOperations operations;
  private final GateVerification gates;
  private final PassCodeKeys keys;

  /** The revocation list, told of every change that may have voided a card. */
  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile RevocationFeed revocations;

  @Activate
  public CardServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-card)") JpaTemplate jpa,
      @Reference(target = CardSchema.READY) SchemaReady schema,
      @Reference PassService passes,
      @Reference CardFaceRenderer renderer,
      @Reference PersonService persons,
      @Reference VehicleService vehicles,
      @Reference AttachmentService attachments,
      @Reference PortTime time) {
    Transactions tx = new Transactions(jpa);
    CardFaces faces = new CardFaces(CardAccess.SYSTEM, persons, vehicles, attachments, renderer);
    this.keys = PassCodeKeys.loadOrCreate(tx);
    this.desks = new DeskProtocol(tx, passes, faces, keys);
    this.reports = new StepReports(tx, keys, new ReadyReports(tx, passes));
    this.operations = new CardOperations(tx, passes, faces, keys);
    this.gates = new GateVerification(tx, passes, keys, time);
  }

  @Override
  public List<CardJob> next(Caller caller, String port, String desk, int max) {
    return desks.next(caller, port, desk, max);
  }

  @Override
  public StepOrder begin(Caller caller, long jobId, String desk) {
    try {
      return desks.begin(caller, jobId, desk);
    } finally {
      cardsMayHaveChanged(); // an interrupted print voids its card
    }
  }

  @Override
  public CardJob report(Caller caller, long jobId, long attemptId, StepReport report) {
    try {
      return reports.report(caller, jobId, attemptId, report);
    } finally {
      cardsMayHaveChanged(); // a failed print or a misread voids the card
    }
  }

  @Override
  public Page<CardJob> queue(Caller caller, String port, CardJobStatus status, PageRequest page) {
    return operations.queue(caller, port, status, page);
  }

  @Override
  public CardJob job(Caller caller, long jobId) {
    return operations.job(caller, jobId);
  }

  @Override
  public List<CardJob> jobsOfPass(Caller caller, String passNumber) {
    return operations.jobsOfPass(caller, passNumber);
  }

  @Override
  public CardJob retry(Caller caller, long jobId) {
    return operations.retry(caller, jobId);
  }

  @Override
  public CardJob voidCard(Caller caller, long jobId, String reason) {
    try {
      return operations.voidCard(caller, jobId, reason);
    } finally {
      cardsMayHaveChanged();
    }
  }

  @Override
  public byte[] face(Caller caller, String passNumber, String format) {
    return operations.face(caller, passNumber, format);
  }

  @Override
  public CardJob.Card pickUp(Caller caller, String passNumber, String collectedBy) {
    return operations.pickUp(caller, passNumber, collectedBy);
  }

  @Override
  public CardJob reportLost(Caller caller, String passNumber, String reason) {
    try {
      return operations.reportLost(caller, passNumber, reason);
    } finally {
      cardsMayHaveChanged();
    }
  }

  private void cardsMayHaveChanged() {
    RevocationFeed feed = revocations;
    if (feed != null) {
      feed.cardsMayHaveChanged();
    }
  }

  @Override
  public Verification verify(String payload, String port) {
    return gates.verify(payload, port);
  }

  @Override
  public PublicKey verificationKey() {
    return keys.publicKey();
  }
}
