package org.portpass.registry.internal.service;

import java.util.ArrayList;
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
import org.portpass.registry.Company;
import org.portpass.registry.CompanyChanges;
import org.portpass.registry.CompanyService;
import org.portpass.registry.CompanyStatus;
import org.portpass.registry.Contact;
import org.portpass.registry.NewCompany;
import org.portpass.registry.TaxId;
import org.portpass.registry.internal.entity.CompanyEntity;
import org.portpass.registry.internal.entity.ContactEmbeddable;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.PagedQuery;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;

@Component
public class CompanyServiceImpl implements CompanyService {
  private final Transactions tx;

  @Activate
  public CompanyServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-registry)") JpaTemplate jpa,
      @Reference(target = RegistrySchema.READY) SchemaReady schema) {
    this.tx = new Transactions(jpa);
  }

  @Override
  public Company create(Caller caller, NewCompany input) {
    Access.requireStaff(caller, "create companies");
    Checks checks = new Checks();
    String taxId = checks.parse("taxId", input.taxId(), TaxId::normalise);
    CompanyEntity entity = new CompanyEntity();
    entity.setTaxId(taxId);
    entity.setName(checks.required("name", input.name()));
    entity.setNameEn(checks.optional("nameEn", input.nameEn()));
    entity.setAddress(checks.optional("address", input.address()));
    entity.setPhone(checks.optional("phone", input.phone()));
    entity.setIndustry(checks.optional("industry", input.industry()));
    entity.setContacts(contacts(checks, input.contacts()));
    checks.throwIfAny();
    entity.setStatus(CompanyStatus.PENDING);
    Date now = new Date();
    entity.setCreatedAt(now);
    entity.setUpdatedAt(now);
    return tx.write(
        em -> {
          if (findByTaxId(em, taxId) != null) {
            throw ConflictException.duplicate(
                "taxId",
                "a company with tax ID " + taxId + " is already registered",
                "tax-id-registered",
                taxId);
          }
          em.persist(entity);
          em.flush();
          AuditTrail.append(
              em, caller, "company.create", "company", id(entity), null, summary(entity));
          return entity;
        },
        Mappers::company);
  }

  @Override
  public Company get(Caller caller, long id) {
    return tx.read(em -> Mappers.company(load(em, caller, id)));
  }

  @Override
  public Company getByTaxId(Caller caller, String taxId) {
    return tx.read(
        em -> {
          CompanyEntity entity = findByTaxId(em, taxId == null ? "" : taxId.strip());
          if (entity == null) {
            throw new NotFoundException("company with tax ID", taxId);
          }
          Access.requireRead(caller, entity.getId(), "company with tax ID", taxId);
          return Mappers.company(entity);
        });
  }

  @Override
  public Page<Company> list(Caller caller, String text, String taxId, PageRequest page) {
    boolean all = Access.isStaff(caller) || Access.isPortStaff(caller);
    if (!all && caller.companyId() == null) {
      return new Page<>(List.of(), page.page(), page.size(), 0);
    }
    PagedQuery<CompanyEntity> query =
        PagedQuery.of(CompanyEntity.class)
            .whereGiven(
                "(LOWER(e.name) LIKE :text OR e.taxId LIKE :text)",
                "text",
                PagedQuery.containing(text))
            .whereGiven("e.taxId = :taxId", "taxId", taxId == null ? null : taxId.strip());
    if (!all) {
      query.where("e.id = :own", "own", caller.companyId());
    }
    return tx.read(em -> query.page(em, "e.id", page, Mappers::company));
  }

  @Override
  public Company update(Caller caller, long id, CompanyChanges changes) {
    boolean staff = Access.isStaff(caller);
    Checks checks = new Checks();
    checks.notNull("version", changes.version());
    if (!staff && (changes.name() != null || changes.nameEn() != null || changes.taxId() != null)) {
      checks.add(
          "name",
          "name-by-customer-service",
          "the name and tax ID are changed by customer service only");
    }
    String taxId =
        changes.taxId() == null ? null : checks.parse("taxId", changes.taxId(), TaxId::normalise);
    String name = changes.name() == null ? null : checks.required("name", changes.name());
    String nameEn = checks.optional("nameEn", changes.nameEn());
    String address = checks.optional("address", changes.address());
    String phone = checks.optional("phone", changes.phone());
    String industry = checks.optional("industry", changes.industry());
    List<Contact> contacts = changes.contacts();
    List<ContactEmbeddable> contactEntities = contacts == null ? null : contacts(checks, contacts);
    return tx.write(
        em -> {
          CompanyEntity entity = load(em, caller, id);
          Access.requireCompanyAdmin(caller, id);
          String before = summary(entity);
          checks.throwIfAny();
          if (entity.getVersion() != changes.version()) {
            throw ConflictException.staleVersion(
                "company " + id, changes.version(), entity.getVersion());
          }
          new Edit(taxId, name, nameEn, address, phone, industry, contactEntities)
              .applyTo(em, entity);
          entity.setUpdatedAt(new Date());
          em.flush();
          AuditTrail.append(
              em, caller, "company.update", "company", id(entity), before, summary(entity));
          return entity;
        },
        Mappers::company);
  }

  @Override
  public Company verify(Caller caller, long id) {
    Access.requireStaff(caller, "verify companies");
    return tx.write(
        em -> {
          CompanyEntity entity = load(em, caller, id);
          entity.setStatus(CompanyStatus.VERIFIED);
          entity.setVerifiedAt(new Date());
          entity.setVerifiedBy(caller.username());
          entity.setUpdatedAt(new Date());
          AuditTrail.append(
              em,
              caller,
              "company.verify",
              "company",
              id(entity),
              null,
              CompanyStatus.VERIFIED.name());
          return entity;
        },
        Mappers::company);
  }

  @Override
  public Company suspend(Caller caller, long id, String reason) {
    Access.requireStaff(caller, "suspend companies");
    Checks checks = new Checks();
    checks.required("reason", reason);
    checks.throwIfAny();
    return tx.write(
        em -> {
          CompanyEntity entity = load(em, caller, id);
          entity.setStatus(CompanyStatus.SUSPENDED);
          entity.setUpdatedAt(new Date());
          AuditTrail.append(
              em, caller, "company.suspend", "company", id(entity), null, "SUSPENDED: " + reason);
          return entity;
        },
        Mappers::company);
  }

  private static String id(CompanyEntity e) {
    return String.valueOf(e.getId());
  }

  private static String summary(CompanyEntity e) {
    return Mappers.company(e).toString();
  }

  private static CompanyEntity load(EntityManager em, Caller caller, long id) {
    CompanyEntity entity = em.find(CompanyEntity.class, id);
    if (entity == null) {
      throw new NotFoundException("company", id);
    }
    Access.requireRead(caller, id, "company", id);
    return entity;
  }

  static CompanyEntity findByTaxId(EntityManager em, String taxId) {
    return em
        .createQuery("SELECT c FROM CompanyEntity c WHERE c.taxId = :taxId", CompanyEntity.class)
        .setParameter("taxId", taxId)
        .getResultList()
        .stream()
        .findFirst()
        .orElse(null);
  }

  private static List<ContactEmbeddable> contacts(Checks checks, List<Contact> contacts) {
    var result = new ArrayList<org.portpass.registry.internal.entity.ContactEmbeddable>();
    if (contacts == null) {
      return result;
    }
    if (contacts.size() > 20) {
      checks.add("contacts", "max-contacts", "at most 20 contacts", 20);
      return result;
    }
    for (int i = 0; i < contacts.size(); i++) {
      Contact c = contacts.get(i);
      String prefix = "contacts/" + i + "/";
      if (c == null) {
        checks.add(FieldError.required("contacts/" + i));
        continue;
      }
      result.add(
          Mappers.contact(
              new Contact(
                  checks.required(prefix + "name", c.name()),
                  checks.optional(prefix + "title", c.title()),
                  checks.optional(prefix + "phone", c.phone()),
                  checks.optional(prefix + "email", c.email()))));
    }
    return result;
  }

  /** The checked changes of an update; a null field stays as it is. */
  private record Edit(
      String taxId,
      String name,
      String nameEn,
      String address,
      String phone,
      String industry,
      List<ContactEmbeddable> contacts) {
    void applyTo(EntityManager em, CompanyEntity entity) {
      if (taxId != null && !taxId.equals(entity.getTaxId())) {
        if (findByTaxId(em, taxId) != null) {
          throw ConflictException.duplicate(
              "taxId", "tax ID " + taxId + " is already registered", "tax-id-registered", taxId);
        }
        entity.setTaxId(taxId);
      }
      if (name != null) {
        entity.setName(name);
      }
      if (nameEn != null) {
        entity.setNameEn(nameEn);
      }
      if (address != null) {
        entity.setAddress(address);
      }
      if (phone != null) {
        entity.setPhone(phone);
      }
      if (industry != null) {
        entity.setIndustry(industry);
      }
      if (contacts != null) {
        entity.getContacts().clear();
        entity.getContacts().addAll(contacts);
      }
    }
  }
}
