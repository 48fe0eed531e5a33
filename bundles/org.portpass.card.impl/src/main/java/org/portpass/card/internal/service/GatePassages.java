package org.portpass.card.internal.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.portpass.card.InvalidPassCodeException;
import org.portpass.card.PassCode;
import org.portpass.card.gate.GatePassage;
import org.portpass.card.gate.GatePassageQuery;
import org.portpass.card.gate.GatePassageReport;
import org.portpass.card.gate.GatePassageService;
import org.portpass.card.internal.entity.GatePassageEntity;
import org.portpass.core.Caller;
import org.portpass.core.ForbiddenException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.PortCode;
import org.portpass.core.PortTime;
import org.portpass.core.Role;
import org.portpass.core.ValidationException;
import org.portpass.storage.PagedQuery;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;

/**
 * Gate passage records (進出紀錄). A gate reports as its port's harbor police; the pass and card are
 * read from the scanned code when its signature verifies (a forged code is recorded without them).
 * The records of a port are read by its staff and administrators.
 */
@Component
public class GatePassages implements GatePassageService {
  private static final Pattern CODE =
      Pattern.compile("PP1\\.[A-Za-z0-9_-]{1,1200}\\.[A-Za-z0-9_-]{1,200}");
  private static final Pattern PORT = Pattern.compile("[A-Z]{3}");
  private static final Pattern ZONE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,15}");
  private static final Pattern RESULT = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Instant EARLIEST = Instant.parse("2020-01-01T00:00:00Z");
  private static final Duration AHEAD = Duration.ofMinutes(5);

  private final Transactions tx;
  private final PassCodeKeys keys;
  private final PortTime time;

  @Activate
  public GatePassages(
      @Reference(target = "(osgi.unit.name=portpass-card)") JpaTemplate jpa,
      @Reference(target = CardSchema.READY) SchemaReady schema,
      @Reference PortTime time) {
    this.tx = new Transactions(jpa);
    this.keys = PassCodeKeys.loadOrCreate(tx);
    this.time = time;
  }

  @Override
  public GatePassage record(Caller caller, GatePassageReport report) {
    if (report == null) {
      throw ValidationException.of("body", "json-object-required", "a JSON object is required");
    }
    String port = port(report.port());
    if (!caller.actsAt(Role.POLICE, port)) {
      throw ForbiddenException.needsRoleAt(
          "gate passages at " + port + " are reported by its POLICE", Role.POLICE, port);
    }
    String code = report.code() == null ? null : report.code().strip();
    if (code == null || !CODE.matcher(code).matches()) {
      throw ValidationException.of(
          "code", "pass-code", "must be a scanned PortPass pass code, PP1.<data>.<signature>");
    }
    String zone = report.zone() == null || report.zone().isBlank() ? null : report.zone().strip();
    if (zone != null && !ZONE.matcher(zone).matches()) {
      throw ValidationException.of(
          "zone", "zone-code", "must be a zone code: letters, digits and '-', at most 16");
    }
    Instant now = time.clock().instant();
    if (report.time() == null) {
      throw ValidationException.required("time");
    }
    if (report.time().isBefore(EARLIEST) || report.time().isAfter(now.plus(AHEAD))) {
      throw ValidationException.of(
          "time", "passage-time", "must be a time since 2020 and not in the future");
    }
    if (report.result() == null || !RESULT.matcher(report.result()).matches()) {
      throw ValidationException.of(
          "result", "passage-result", "must be ok or the gate's reason, e.g. status");
    }
    GatePassageEntity e = new GatePassageEntity();
    try {
      PassCode pass = PassCode.verify(code, keys.publicKey());
      e.setPassNumber(pass.passNumber().length() <= 32 ? pass.passNumber() : null);
      e.setCardSerial(pass.cardSerial().length() <= 48 ? pass.cardSerial() : null);
    } catch (InvalidPassCodeException notOurs) {
      // recorded as reported, without a pass: someone showed a code that is not ours
    }
    e.setPort(port);
    e.setZone(zone);
    e.setPassedAt(Date.from(report.time()));
    e.setOutcome(report.result());
    e.setAccepted(report.result().equals("ok"));
    e.setReportedBy(cut(caller.username(), 100));
    e.setRecordedAt(Date.from(now));
    return tx.write(
        em -> {
          em.persist(e);
          return e;
        },
        GatePassages::view);
  }

  @Override
  public Page<GatePassage> find(Caller caller, GatePassageQuery query, PageRequest page) {
    String port = query.port() == null ? null : port(query.port());
    boolean staff = caller.roles().stream().anyMatch(Role::isPortRole);
    if (!caller.isAdmin() && !staff) {
      throw new ForbiddenException(
          "gate passages are read by port staff and administrators", "gate-passage-readers");
    }
    if (port != null && !caller.isAdmin() && !caller.ports().contains(port)) {
      throw new ForbiddenException(
          "gate passages of " + port + " are read by its staff", "gate-passage-port", port);
    }
    PagedQuery<GatePassageEntity> q =
        PagedQuery.of(GatePassageEntity.class)
            .whereGiven("e.port = :port", "port", port)
            .whereGiven("e.passNumber = :pass", "pass", blankToNull(query.passNumber()))
            .whereGiven("e.passedAt >= :from", "from", date(query.from()))
            .whereGiven("e.passedAt < :to", "to", date(query.to()));
    if (port == null && !caller.isAdmin()) {
      q.where("e.port IN :ports", Map.of("ports", java.util.List.copyOf(caller.ports())));
    }
    return tx.read(em -> q.page(em, "e.passedAt DESC, e.id DESC", page, GatePassages::view));
  }

  private static String port(String value) {
    String port = PortCode.normalise(value);
    if (port.isEmpty()) {
      throw ValidationException.required("port");
    }
    if (!PORT.matcher(port).matches()) {
      throw ValidationException.of("port", "gate-port", "must be a port code such as KEL");
    }
    return port;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static Date date(Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max);
  }

  static GatePassage view(GatePassageEntity e) {
    return new GatePassage(
        e.getId(),
        e.getPassNumber(),
        e.getCardSerial(),
        e.getPort(),
        e.getZone(),
        e.getPassedAt().toInstant(),
        e.getOutcome(),
        e.isAccepted(),
        e.getReportedBy(),
        e.getRecordedAt().toInstant());
  }
}
