package org.portpass.registry.internal.service;

import java.util.Date;
import java.util.List;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.FieldError;
import org.portpass.core.NotFoundException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.ValidationException;
import org.portpass.registry.OwnerKind;
import org.portpass.registry.PlateNumber;
import org.portpass.registry.Vehicle;
import org.portpass.registry.VehicleData;
import org.portpass.registry.VehicleQuery;
import org.portpass.registry.VehicleService;
import org.portpass.registry.internal.entity.VehicleEntity;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.PagedQuery;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;

@Component
public class VehicleServiceImpl implements VehicleService {
  private final Transactions tx;
  private final SubjectGuard guard;

  @Activate
  public VehicleServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-registry)") JpaTemplate jpa,
      @Reference(target = RegistrySchema.READY) SchemaReady schema,
      @Reference SubjectGuard guard) {
    this.tx = new Transactions(jpa);
    this.guard = guard;
  }

  @Override
  public Vehicle create(Caller caller, VehicleData input) {
    Checks checks = new Checks();
    PlateNumber plate = checks.parse("plateNumber", input.plateNumber(), PlateNumber::of);
    VehicleEntity entity = new VehicleEntity();
    fill(checks, entity, input);
    Long companyId = Owners.companyFor(caller, input.companyId(), checks);
    if (companyId == null && Access.isStaff(caller)) {
      checks.add(FieldError.required("companyId"));
    }
    checks.throwIfAny();
    entity.setPlateNumber(plate.value());
    Date now = new Date();
    entity.setCreatedAt(now);
    entity.setUpdatedAt(now);
    return tx.write(
        em -> {
          if (findByPlate(em, plate.value()) != null) {
            throw ConflictException.duplicate(
                "plateNumber",
                "a vehicle with plate " + plate.value() + " is already registered",
                "plate-registered",
                plate.value());
          }
          entity.setCompany(Owners.company(em, companyId));
          Access.requireWrite(caller, companyId, "company", companyId);
          em.persist(entity);
          em.flush();
          AuditTrail.append(
              em, caller, "vehicle.create", "vehicle", id(entity), null, summary(entity));
          return entity;
        },
        Mappers::vehicle);
  }

  @Override
  public Vehicle get(Caller caller, long id) {
    return tx.read(em -> Mappers.vehicle(load(em, caller, id)));
  }

  @Override
  public Vehicle getByPlate(Caller caller, String plateNumber) {
    String plate = parsePlate(plateNumber);
    return tx.read(
        em -> {
          VehicleEntity entity = findByPlate(em, plate);
          if (entity == null || !Owners.canRead(caller, entity)) {
            throw new NotFoundException("vehicle with plate", plate);
          }
          return Mappers.vehicle(entity);
        });
  }

  @Override
  public Page<Vehicle> search(Caller caller, VehicleQuery query, PageRequest page) {
    boolean all = Access.isStaff(caller) || Access.isPortStaff(caller);
    if (!all && caller.companyId() == null) {
      return new Page<>(List.of(), page.page(), page.size(), 0);
    }
    Long company = all ? query.companyId() : caller.companyId();
    if (!all && query.companyId() != null && !query.companyId().equals(company)) {
      return new Page<>(List.of(), page.page(), page.size(), 0);
    }
    boolean byPlate = query.plateNumber() != null && !query.plateNumber().isBlank();
    String plate = byPlate ? parsePlate(query.plateNumber()) : null;
    PagedQuery<VehicleEntity> found =
        PagedQuery.of(VehicleEntity.class)
            .whereGiven("e.company.id = :company", "company", company)
            .whereGiven("e.plateNumber = :plate", "plate", plate);
    return tx.read(em -> found.page(em, "e.id", page, Mappers::vehicle));
  }

  @Override
  public Vehicle update(Caller caller, long id, VehicleData input) {
    Checks checks = new Checks();
    checks.notNull("version", input.version());
    PlateNumber plate =
        input.plateNumber() == null
            ? null
            : checks.parse("plateNumber", input.plateNumber(), PlateNumber::of);
    VehicleEntity changes = new VehicleEntity();
    fill(checks, changes, input);
    return tx.write(
        em -> {
          VehicleEntity entity = loadForWrite(em, caller, id);
          checks.throwIfAny();
          Owners.requireVersion("vehicle " + id, input.version(), entity.getVersion());
          String before = summary(entity);
          if (input.companyId() != null && !input.companyId().equals(entity.getCompany().getId())) {
            throw ValidationException.of(
                "companyId",
                "vehicle-owner-by-transfer",
                "a vehicle changes owner by a transfer, not by an update");
          }
          if (plate != null && !plate.value().equals(entity.getPlateNumber())) {
            if (findByPlate(em, plate.value()) != null) {
              throw ConflictException.duplicate(
                  "plateNumber",
                  "plate " + plate.value() + " is already registered",
                  "plate-registered",
                  plate.value());
            }
            entity.setPlateNumber(plate.value());
          }
          entity.setType(changes.getType());
          entity.setMake(changes.getMake());
          entity.setColour(changes.getColour());
          entity.setUpdatedAt(new Date());
          em.flush();
          AuditTrail.append(
              em, caller, "vehicle.update", "vehicle", id(entity), before, summary(entity));
          return entity;
        },
        Mappers::vehicle);
  }

  @Override
  public void delete(Caller caller, long id, long version) {
    tx.write(
        em -> {
          VehicleEntity entity = loadForWrite(em, caller, id);
          Owners.requireVersion("vehicle " + id, version, entity.getVersion());
          guard.requireUnused(OwnerKind.VEHICLE, id, "vehicle " + entity.getPlateNumber());
          AuditTrail.append(
              em, caller, "vehicle.delete", "vehicle", id(entity), summary(entity), null);
          Attachments.deleteAll(em, OwnerKind.VEHICLE, id);
          em.remove(entity);
        });
  }

  @Override
  public Vehicle transfer(Caller caller, long id, long toCompanyId, long version) {
    // the receiving company is not asked, so moving records between companies is customer service's
    // job
    Access.requireStaff(caller, "move vehicles between companies");
    return tx.write(
        em -> {
          VehicleEntity entity = loadForWrite(em, caller, id);
          Owners.requireVersion("vehicle " + id, version, entity.getVersion());
          if (entity.getCompany().getId() == toCompanyId) {
            throw ValidationException.of(
                "companyId",
                "vehicle-already-owned",
                "the vehicle already belongs to this company");
          }
          String before = summary(entity);
          entity.setCompany(Owners.company(em, toCompanyId));
          entity.setUpdatedAt(new Date());
          em.flush();
          AuditTrail.append(
              em, caller, "vehicle.transfer", "vehicle", id(entity), before, summary(entity));
          return entity;
        },
        Mappers::vehicle);
  }

  private static String id(VehicleEntity e) {
    return String.valueOf(e.getId());
  }

  private static String summary(VehicleEntity e) {
    return Mappers.vehicle(e).toString();
  }

  private static VehicleEntity load(EntityManager em, Caller caller, long id) {
    return Owners.load(em, caller, VehicleEntity.class, "vehicle", id);
  }

  private static VehicleEntity loadForWrite(EntityManager em, Caller caller, long id) {
    return Owners.loadForWrite(em, caller, VehicleEntity.class, "vehicle", id);
  }

  private static VehicleEntity findByPlate(EntityManager em, String plate) {
    return em
        .createQuery(
            "SELECT v FROM VehicleEntity v WHERE v.plateNumber = :plate", VehicleEntity.class)
        .setParameter("plate", plate)
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }

  private static String parsePlate(String raw) {
    try {
      return PlateNumber.of(raw).value();
    } catch (IllegalArgumentException e) {
      throw new ValidationException(List.of(FieldError.invalid("plateNumber", e)));
    }
  }

  private static void fill(Checks checks, VehicleEntity entity, VehicleData input) {
    entity.setType(checks.notNull("type", input.type()));
    entity.setMake(checks.optional("make", input.make()));
    entity.setColour(checks.optional("colour", input.colour()));
  }
}
