package org.portpass.application.internal.service;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.portpass.application.ApplicationLimits;
import org.portpass.application.SanctionService;
import org.portpass.application.Standing;
import org.portpass.application.SubjectKind;
import org.portpass.application.Violation;
import org.portpass.application.ViolationInput;
import org.portpass.application.ViolationType;
import org.portpass.application.internal.entity.ViolationEntity;
import org.portpass.application.internal.entity.ViolationTypeEntity;
import org.portpass.core.Caller;
import org.portpass.core.FieldError;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.PortCode;
import org.portpass.core.PortDirectory;
import org.portpass.core.PortTime;
import org.portpass.core.Role;
import org.portpass.core.ValidationException;
import org.portpass.registry.PersonService;
import org.portpass.registry.VehicleService;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;

/**
 * Violations and bans. A violation with a seized pass is one transaction with the seizure, so a
 * pass is never seized without its violation nor a violation recorded for a pass left valid; the
 * pass's change is announced like every other pass change, so card production and the revocation
 * list follow.
 */
@Component(configurationPid = ApplicationLimits.PID)
public class SanctionServiceImpl implements SanctionService {
  private final Transactions tx;
  private final EventAdmin events;
  private final PortTime time;
  private final PortDirectory ports;
  private final PersonService persons;
  private final VehicleService vehicles;
  private volatile ApplicationSettings settings;

  @Activate
  public SanctionServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-application)") JpaTemplate jpa,
      @Reference(target = ApplicationSchema.READY) SchemaReady schema,
      @Reference EventAdmin events,
      @Reference PortTime time,
      @Reference PortDirectory ports,
      @Reference PersonService persons,
      @Reference VehicleService vehicles,
      Map<String, Object> properties) {
    this.tx = new Transactions(jpa);
    this.events = events;
    this.time = time;
    this.ports = ports;
    this.persons = persons;
    this.vehicles = vehicles;
    modified(properties);
  }

  @Modified
  void modified(Map<String, Object> properties) {
    settings = ApplicationSettings.of(properties);
  }

  @Override
  public Violation record(Caller caller, ViolationInput input) {
    ViolationInput in = ViolationChecks.checked(input, ports, time.today());
    if (!caller.actsAt(Role.POLICE, in.port()) && !caller.actsAt(Role.SUPERVISOR, in.port())) {
      throw ForbiddenException.needsRoleAt(
          "recording a violation needs the POLICE or SUPERVISOR role for " + in.port(),
          Role.POLICE,
          in.port());
    }
    if (in.seizedPass() == null) {
      companyOf(in.subjectKind(), in.subjectId()); // 404 before anything when there is none
    }
    Seizure seizure = new Seizure(events);
    Violation recorded =
        tx.write(
            em -> {
              ViolationType type = type(em, in.type(), in.port());
              ViolationEntity v =
                  in.seizedPass() == null
                      ? ViolationEntity.of(
                          in.subjectKind(),
                          in.subjectId(),
                          companyOf(in.subjectKind(), in.subjectId()),
                          type,
                          in.occurredOn(),
                          in.port())
                      : seizure.violation(em, in, type);
              v.recorded(in.seizedPass(), in.note(), caller.username(), new Date());
              em.persist(v);
              em.flush();
              seizure.seize(em, caller, v);
              Violation view = v.view();
              AuditTrail.append(
                  em,
                  caller,
                  "violation.recorded",
                  "violation",
                  String.valueOf(view.id()),
                  null,
                  view.type()
                      + " "
                      + view.subjectKind()
                      + " "
                      + view.subjectId()
                      + (view.seizedPass() == null ? "" : ", seized " + view.seizedPass())
                      + (view.bannedUntil() == null ? "" : ", banned until " + view.bannedUntil()));
              return view;
            },
            v -> v);
    seizure.announce();
    return recorded;
  }

  @Override
  public Violation get(Caller caller, long id) {
    return tx.read(
        em -> {
          ViolationEntity v = em.find(ViolationEntity.class, id);
          if (v == null || !mayRead(caller, v.view().companyId())) {
            throw new NotFoundException("violation", id);
          }
          return v.view();
        });
  }

  @Override
  public List<Violation> ofSubject(Caller caller, SubjectKind kind, long subjectId) {
    List<Violation> all =
        tx.read(
            em ->
                em
                    .createQuery(
                        "SELECT v FROM ViolationEntity v WHERE v.subjectKind = :kind"
                            + " AND v.subjectId = :id ORDER BY v.occurredOn DESC, v.id DESC",
                        ViolationEntity.class)
                    .setParameter("kind", kind)
                    .setParameter("id", subjectId)
                    .getResultList()
                    .stream()
                    .map(ViolationEntity::view)
                    .toList());
    if (!mayReadAll(caller)) {
      requireCompany(caller);
      return all.stream().filter(v -> caller.actsFor(v.companyId())).toList();
    }
    return all;
  }

  @Override
  public List<Violation> ofCompany(Caller caller, long companyId) {
    if (!mayRead(caller, companyId)) {
      throw new NotFoundException("company", companyId);
    }
    return tx.read(
        em ->
            em
                .createQuery(
                    "SELECT v FROM ViolationEntity v WHERE v.companyId = :c"
                        + " ORDER BY v.occurredOn DESC, v.id DESC",
                    ViolationEntity.class)
                .setParameter("c", companyId)
                .setMaxResults(500)
                .getResultList()
                .stream()
                .map(ViolationEntity::view)
                .toList());
  }

  @Override
  public Standing standing(Caller caller, SubjectKind kind, long subjectId) {
    if (!mayReadAll(caller)) {
      requireCompany(caller);
      if (!caller.actsFor(companyOf(kind, subjectId))) {
        throw new NotFoundException(kind == SubjectKind.PERSON ? "person" : "vehicle", subjectId);
      }
    }
    return tx.read(em -> Sanctions.standing(em, kind, subjectId, time.today()));
  }

  @Override
  public LocalDate companySuspendedUntil(Caller caller, long companyId) {
    if (!mayRead(caller, companyId)) {
      throw new NotFoundException("company", companyId);
    }
    return tx.read(em -> Sanctions.companySuspendedUntil(em, companyId, time.today(), settings));
  }

  @Override
  public List<ViolationType> types(String port) {
    String code = port == null || port.isBlank() ? ViolationType.ALL_PORTS : knownPort(port);
    return tx.read(em -> Sanctions.types(em, code));
  }

  @Override
  public ViolationType defineType(Caller caller, ViolationType type) {
    if (!caller.isAdmin()) {
      throw new ForbiddenException("violation types are defined by administrators", "admin-only");
    }
    ViolationType t = ViolationChecks.checked(type, ports);
    return tx.write(
        em -> {
          List<ViolationTypeEntity> found =
              em.createQuery(
                      "SELECT t FROM ViolationTypeEntity t WHERE t.code = :c AND t.port = :p",
                      ViolationTypeEntity.class)
                  .setParameter("c", t.code())
                  .setParameter("p", t.port())
                  .getResultList();
          ViolationTypeEntity entity = found.isEmpty() ? new ViolationTypeEntity() : found.get(0);
          String before = found.isEmpty() ? null : entity.view().toString();
          entity.set(t);
          if (found.isEmpty()) {
            em.persist(entity);
          }
          em.flush();
          AuditTrail.append(
              em,
              caller,
              "violation-type.defined",
              "violation-type",
              t.code() + "@" + t.port(),
              before,
              t.toString());
          return entity.view();
        },
        v -> v);
  }

  /** The type {@code code} in effect at {@code port}, or a field error naming the known ones. */
  private static ViolationType type(EntityManager em, String code, String port) {
    List<ViolationType> known = Sanctions.types(em, port);
    return known.stream()
        .filter(t -> t.code().equals(code))
        .findFirst()
        .orElseThrow(
            () ->
                new ValidationException(
                    List.of(
                        FieldError.oneOf(
                            "type", known.stream().map(ViolationType::code).toList()))));
  }

  private String knownPort(String port) {
    String code = PortCode.normalise(port);
    if (!ports.codes().contains(code)) {
      throw new ValidationException(List.of(FieldError.oneOf("port", ports.codes())));
    }
    return code;
  }

  /** The subject's company in the registry. */
  private Long companyOf(SubjectKind kind, long id) {
    Caller system = Caller.system("sanctions");
    return kind == SubjectKind.PERSON
        ? persons.get(system, id).companyId()
        : vehicles.get(system, id).companyId();
  }

  /** Administrators, customer service and port staff read every subject's violations. */
  private static boolean mayReadAll(Caller caller) {
    return caller.hasAny(Role.ADMIN, Role.CUSTOMER_SERVICE)
        || caller.roles().stream().anyMatch(Role::isPortRole);
  }

  private static boolean mayRead(Caller caller, Long companyId) {
    return mayReadAll(caller)
        || (companyId != null
            && caller.actsFor(companyId)
            && caller.roles().stream().anyMatch(Role::isCompanyRole));
  }

  private static void requireCompany(Caller caller) {
    if (caller.companyId() == null || caller.roles().stream().noneMatch(Role::isCompanyRole)) {
      throw new ForbiddenException(
          "violations are read by port staff, service and the subject's company",
          "violations-read-by");
    }
  }
}
