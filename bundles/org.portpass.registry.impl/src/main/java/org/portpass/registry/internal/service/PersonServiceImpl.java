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
import org.portpass.core.NotFoundException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.ValidationException;
import org.portpass.registry.Employment;
import org.portpass.registry.IdentityNumber;
import org.portpass.registry.OwnerKind;
import org.portpass.registry.Person;
import org.portpass.registry.PersonData;
import org.portpass.registry.PersonQuery;
import org.portpass.registry.PersonService;
import org.portpass.registry.internal.entity.CompanyEntity;
import org.portpass.registry.internal.entity.EmploymentEntity;
import org.portpass.registry.internal.entity.PersonEntity;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.PagedQuery;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;

@Component
public class PersonServiceImpl implements PersonService {
  private final Transactions tx;
  private final SubjectGuard guard;

  @Activate
  public PersonServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-registry)") JpaTemplate jpa,
      @Reference(target = RegistrySchema.READY) SchemaReady schema,
      @Reference SubjectGuard guard) {
    this.tx = new Transactions(jpa);
    this.guard = guard;
  }

  @Override
  public Person create(Caller caller, PersonData input) {
    Checks checks = new Checks();
    IdentityNumber identity = identity(checks, input);
    PersonEntity entity = new PersonEntity();
    fill(checks, entity, input);
    Long companyId = Owners.companyFor(caller, input.companyId(), checks);
    checks.throwIfAny();
    entity.setIdentityKind(identity.kind());
    entity.setIdentityNumber(identity.number());
    entity.setNationality(identity.nationality());
    entity.setIdentityKey(identity.key());
    Date now = new Date();
    entity.setCreatedAt(now);
    entity.setUpdatedAt(now);
    return tx.write(
        em -> {
          if (findByKey(em, identity.key()) != null) {
            throw ConflictException.duplicate(
                "identityNumber",
                "a person with identity number " + identity.number() + " is already registered",
                "identity-number-registered",
                identity.number());
          }
          if (companyId != null) {
            CompanyEntity company = Owners.company(em, companyId);
            Access.requireWrite(caller, companyId, "company", companyId);
            entity.setCompany(company);
          }
          em.persist(entity);
          if (companyId != null) {
            em.persist(employment(entity, entity.getCompany(), now, caller));
          }
          em.flush();
          AuditTrail.append(
              em, caller, "person.create", "person", id(entity), null, summary(entity));
          return entity;
        },
        Mappers::person);
  }

  @Override
  public Person get(Caller caller, long id) {
    return tx.read(em -> Mappers.person(load(em, caller, id)));
  }

  @Override
  public Person getByIdentityNumber(Caller caller, String identityNumber) {
    String number = normalise(identityNumber);
    return tx.read(
        em -> {
          List<PersonEntity> found =
              em
                  .createQuery(
                      "SELECT p FROM PersonEntity p WHERE p.identityNumber = :n",
                      PersonEntity.class)
                  .setParameter("n", number)
                  .getResultList()
                  .stream()
                  .filter(p -> Owners.canRead(caller, p))
                  .toList();
          if (found.size() != 1) {
            throw new NotFoundException("person with identity number", number);
          }
          return Mappers.person(found.get(0));
        });
  }

  @Override
  public Page<Person> search(Caller caller, PersonQuery query, PageRequest page) {
    boolean all = Access.isStaff(caller) || Access.isPortStaff(caller);
    if (!all && caller.companyId() == null) {
      return new Page<>(List.of(), page.page(), page.size(), 0);
    }
    Long company = all ? query.companyId() : caller.companyId();
    if (!all && query.companyId() != null && !query.companyId().equals(company)) {
      return new Page<>(List.of(), page.page(), page.size(), 0);
    }
    String number =
        query.identityNumber() == null || query.identityNumber().isBlank()
            ? null
            : normalise(query.identityNumber());
    PagedQuery<PersonEntity> found =
        PagedQuery.of(PersonEntity.class)
            .whereGiven("e.company.id = :company", "company", company)
            .whereGiven("e.identityNumber = :number", "number", number)
            .whereGiven(
                "(LOWER(e.nameZh) LIKE :name OR LOWER(e.nameEn) LIKE :name)",
                "name",
                PagedQuery.containing(query.name()));
    return tx.read(em -> found.page(em, "e.id", page, Mappers::person));
  }

  @Override
  public Person update(Caller caller, long id, PersonData input) {
    Checks checks = new Checks();
    checks.notNull("version", input.version());
    IdentityNumber identity = input.identityNumber() == null ? null : identity(checks, input);
    PersonEntity changes = new PersonEntity();
    fill(checks, changes, input);
    return tx.write(
        em -> {
          PersonEntity entity = loadForWrite(em, caller, id);
          checks.throwIfAny();
          Owners.requireVersion("person " + id, input.version(), entity.getVersion());
          String before = summary(entity);
          if (input.companyId() != null
              && (entity.getCompany() == null
                  || !input.companyId().equals(entity.getCompany().getId()))) {
            throw ValidationException.of(
                "companyId",
                "person-company-by-transfer",
                "a person changes company by a transfer, not by an update");
          }
          if (identity != null && !identity.key().equals(entity.getIdentityKey())) {
            if (findByKey(em, identity.key()) != null) {
              throw ConflictException.duplicate(
                  "identityNumber",
                  "identity number " + identity.number() + " is already registered",
                  "identity-number-registered",
                  identity.number());
            }
            entity.setIdentityKind(identity.kind());
            entity.setIdentityNumber(identity.number());
            entity.setNationality(identity.nationality());
            entity.setIdentityKey(identity.key());
          }
          entity.setNameZh(changes.getNameZh());
          entity.setNameEn(changes.getNameEn());
          entity.setBirthDate(changes.getBirthDate());
          entity.setPhone(changes.getPhone());
          entity.setUpdatedAt(new Date());
          em.flush();
          AuditTrail.append(
              em, caller, "person.update", "person", id(entity), before, summary(entity));
          return entity;
        },
        Mappers::person);
  }

  @Override
  public void delete(Caller caller, long id, long version) {
    tx.write(
        em -> {
          PersonEntity entity = loadForWrite(em, caller, id);
          Owners.requireVersion("person " + id, version, entity.getVersion());
          guard.requireUnused(OwnerKind.PERSON, id, "person " + entity.getIdentityNumber());
          AuditTrail.append(
              em, caller, "person.delete", "person", id(entity), summary(entity), null);
          Attachments.deleteAll(em, OwnerKind.PERSON, id);
          em.createQuery("DELETE FROM EmploymentEntity e WHERE e.person.id = :id")
              .setParameter("id", id)
              .executeUpdate();
          em.remove(entity);
        });
  }

  @Override
  public Person transfer(Caller caller, long id, long toCompanyId, long version) {
    // the receiving company is not asked, so moving records between companies is customer service's
    // job
    Access.requireStaff(caller, "move persons between companies");
    return tx.write(
        em -> {
          PersonEntity entity = loadForWrite(em, caller, id);
          Owners.requireVersion("person " + id, version, entity.getVersion());
          CompanyEntity target = Owners.company(em, toCompanyId);
          if (entity.getCompany() != null && entity.getCompany().getId() == toCompanyId) {
            throw ValidationException.of(
                "companyId",
                "person-already-employed",
                "the person already works for this company");
          }
          Date now = new Date();
          em.createQuery(
                  "UPDATE EmploymentEntity e SET e.endedAt = :now"
                      + " WHERE e.person.id = :id AND e.endedAt IS NULL")
              .setParameter("now", now)
              .setParameter("id", id)
              .executeUpdate();
          em.persist(employment(entity, target, now, caller));
          String before = summary(entity);
          entity.setCompany(target);
          entity.setUpdatedAt(now);
          em.flush();
          AuditTrail.append(
              em, caller, "person.transfer", "person", id(entity), before, summary(entity));
          return entity;
        },
        Mappers::person);
  }

  @Override
  public List<Employment> employmentHistory(Caller caller, long id) {
    return tx.read(
        em -> {
          load(em, caller, id);
          return em
              .createQuery(
                  "SELECT e FROM EmploymentEntity e WHERE e.person.id = :id ORDER BY e.startedAt, e.id",
                  EmploymentEntity.class)
              .setParameter("id", id)
              .getResultList()
              .stream()
              .map(Mappers::employment)
              .toList();
        });
  }

  private static String id(PersonEntity e) {
    return String.valueOf(e.getId());
  }

  private static String summary(PersonEntity e) {
    return Mappers.person(e).toString();
  }

  private static PersonEntity load(EntityManager em, Caller caller, long id) {
    return Owners.load(em, caller, PersonEntity.class, "person", id);
  }

  private static PersonEntity loadForWrite(EntityManager em, Caller caller, long id) {
    return Owners.loadForWrite(em, caller, PersonEntity.class, "person", id);
  }

  private static PersonEntity findByKey(EntityManager em, String key) {
    return em
        .createQuery("SELECT p FROM PersonEntity p WHERE p.identityKey = :k", PersonEntity.class)
        .setParameter("k", key)
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }

  private static IdentityNumber identity(Checks checks, PersonData input) {
    return checks.parse(
        "identityNumber",
        input.identityNumber(),
        raw -> IdentityNumber.of(input.identityKind(), raw, input.nationality()));
  }

  private static void fill(Checks checks, PersonEntity entity, PersonData input) {
    entity.setNameZh(checks.optional("nameZh", input.nameZh()));
    entity.setNameEn(checks.optional("nameEn", input.nameEn()));
    if (entity.getNameZh() == null && entity.getNameEn() == null) {
      checks.add("nameZh", "name-zh-or-en", "a Chinese or an English name is required");
    }
    entity.setPhone(checks.optional("phone", input.phone()));
    if (input.birthDate() != null
        && (input.birthDate().isAfter(java.time.LocalDate.now())
            || input.birthDate().isBefore(java.time.LocalDate.of(1900, 1, 1)))) {
      checks.add("birthDate", "birth-date", "must be a date between 1900-01-01 and today");
    }
    entity.setBirthDate(input.birthDate());
  }

  private static EmploymentEntity employment(
      PersonEntity person, CompanyEntity company, Date from, Caller caller) {
    EmploymentEntity e = new EmploymentEntity();
    e.setPerson(person);
    e.setCompany(company);
    e.setStartedAt(from);
    e.setRecordedBy(caller.username());
    return e;
  }

  /** Searched as stored: the same normaliser as registration, full-width digits included. */
  private static String normalise(String identityNumber) {
    return identityNumber == null ? "" : IdentityNumber.normalise(identityNumber);
  }
}
