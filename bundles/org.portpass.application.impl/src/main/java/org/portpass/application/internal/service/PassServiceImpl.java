package org.portpass.application.internal.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.persistence.EntityManager;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventAdmin;
import org.portpass.application.Pass;
import org.portpass.application.PassQuery;
import org.portpass.application.PassService;
import org.portpass.application.PassStatus;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.application.internal.entity.PassEntity;
import org.portpass.core.Caller;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.PortCode;
import org.portpass.core.PortTime;
import org.portpass.core.Role;
import org.portpass.storage.PagedQuery;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pass and its line after approval. Every change is one transaction on the pass and its line
 * together, versioned, so a pickup and a revocation at the same time cannot both win.
 */
@Component
public class PassServiceImpl implements PassService {
  private static final Logger LOG = LoggerFactory.getLogger(PassServiceImpl.class);

  private final Transactions tx;
  private final EventAdmin events;
  private final PortTime time;
  private final PassChanges changes;
  private final ScheduledExecutorService expiry = Executors.newSingleThreadScheduledExecutor();

  @Activate
  public PassServiceImpl(
      @Reference(target = "(osgi.unit.name=portpass-application)") JpaTemplate jpa,
      @Reference(target = ApplicationSchema.READY) SchemaReady schema,
      @Reference EventAdmin events,
      @Reference PortTime time) {
    this.tx = new Transactions(jpa);
    this.events = events;
    this.time = time;
    this.changes = new PassChanges(tx, events);
    // passes expire at midnight; checking hourly keeps a restarted node from missing a day
    expiry.scheduleWithFixedDelay(this::expireNow, 1, 60, TimeUnit.MINUTES);
  }

  @Deactivate
  void deactivate() {
    expiry.shutdownNow();
  }

  @Override
  public Pass get(Caller caller, String number) {
    return tx.read(
        em -> {
          PassEntity pass = find(em, number);
          LineEntity line = em.find(LineEntity.class, pass.getLineId());
          if (!mayRead(caller, pass, line)) {
            throw new NotFoundException("pass", number);
          }
          return view(pass, line);
        });
  }

  @Override
  public Page<Pass> find(Caller caller, PassQuery query, PageRequest page) {
    PagedQuery<PassEntity> found = PagedQuery.of(PassEntity.class);
    Long company = query.companyId();
    if (!caller.hasAny(Role.ADMIN, Role.CUSTOMER_SERVICE)) {
      if (caller.companyId() != null && caller.roles().stream().anyMatch(Role::isCompanyRole)) {
        company = caller.companyId(); // a company sees its own passes, whatever it asked for
      } else if (caller.roles().stream().anyMatch(Role::isPortRole) && !caller.ports().isEmpty()) {
        onePortOf(found, caller.ports());
      } else {
        throw new ForbiddenException(
            "passes are listed for companies, port staff and service", "passes-listed-for");
      }
    }
    found
        .whereGiven(
            "e.lineId IN (SELECT l.id FROM LineEntity l WHERE l.form.companyId = :company)",
            "company",
            company)
        .whereGiven("e.status = :status", "status", query.status())
        .whereGiven(
            "e.accessPorts LIKE :port",
            "port",
            query.port() == null || query.port().isBlank()
                ? null
                : Codes.like(PortCode.normalise(query.port())));
    if (query.validOn() != null) {
      found
          .where("e.validFrom <= :validOn", "validOn", query.validOn())
          .where("e.validTo >= :validOn2", "validOn2", query.validOn());
    }
    return tx.read(
        em ->
            found.page(
                em, "e.id DESC", page, p -> view(p, em.find(LineEntity.class, p.getLineId()))));
  }

  /** Passes with at least one of {@code ports} among their access ports. */
  private static void onePortOf(PagedQuery<PassEntity> query, Set<String> ports) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<String> alternatives = new ArrayList<>();
    for (String port : new TreeSet<>(ports)) {
      String name = "staffPort" + values.size();
      values.put(name, Codes.like(port));
      alternatives.add("e.accessPorts LIKE :" + name);
    }
    query.where(String.join(" OR ", alternatives), values);
  }

  @Override
  public List<Pass> awaitingCard(Caller caller, String pickupPort, int max) {
    if (pickupPort == null && !caller.isAdmin()) {
      throw new ForbiddenException(
          "only administrators list the passes of every port", "all-ports-admin-only");
    }
    String port = pickupPort == null ? null : PassChanges.requireDesk(caller, pickupPort);
    return tx.read(
        em -> {
          var query =
              em.createQuery(
                      "SELECT p FROM PassEntity p WHERE p.status = :status"
                          + (port == null ? "" : " AND p.pickupPort = :port")
                          + " ORDER BY p.id",
                      PassEntity.class)
                  .setParameter("status", PassStatus.PENDING_CARD)
                  .setMaxResults(Math.max(1, Math.min(max, 1000)));
          if (port != null) {
            query.setParameter("port", port);
          }
          return query.getResultList().stream()
              .map(p -> view(p, em.find(LineEntity.class, p.getLineId())))
              .toList();
        });
  }

  @Override
  public Pass cardReady(Caller caller, String number) {
    return changes.cardReady(caller, number);
  }

  @Override
  public Pass pickUp(Caller caller, String number, String collectedBy) {
    return changes.pickUp(caller, number, collectedBy);
  }

  @Override
  public Pass suspend(Caller caller, String number, String reason) {
    return changes.suspend(caller, number, reason);
  }

  @Override
  public Pass reinstate(Caller caller, String number) {
    return changes.reinstate(caller, number);
  }

  @Override
  public Pass revoke(Caller caller, String number, String reason) {
    return changes.revoke(caller, number, reason);
  }

  @Override
  public int expire(LocalDate today) {
    return changes.expire(today);
  }

  private void expireNow() {
    try {
      int n = expire(time.today());
      if (n > 0) {
        LOG.info("{} passes expired", n);
      }
    } catch (RuntimeException e) {
      LOG.warn("Expiring passes failed; trying again in an hour", e);
    }
  }

  static PassEntity find(EntityManager em, String number) {
    List<PassEntity> found =
        em.createQuery("SELECT p FROM PassEntity p WHERE p.number = :n", PassEntity.class)
            .setParameter("n", number == null ? "" : number.strip().toUpperCase(Locale.ROOT))
            .getResultList();
    if (found.isEmpty()) {
      throw new NotFoundException("pass", number);
    }
    return found.get(0);
  }

  static boolean mayRead(Caller caller, PassEntity pass, LineEntity line) {
    return caller.actsFor(line.getForm().getCompanyId())
        || (caller.roles().stream().anyMatch(Role::isPortRole)
            && (caller.ports().contains(pass.getPickupPort())
                || Codes.ports(pass.getAccessPorts()).stream().anyMatch(caller.ports()::contains)));
  }

  static Pass view(PassEntity p, LineEntity line) {
    return new Pass(
        p.getNumber(),
        p.getLineId(),
        line.getForm().getId(),
        line.getForm().getCompanyId(),
        p.getSubjectKind(),
        p.getSubjectId(),
        line.getSubjectLabel(),
        p.getPassType(),
        List.copyOf(Codes.ports(p.getAccessPorts())),
        p.getPickupPort(),
        p.getValidFrom(),
        p.getValidTo(),
        p.getStatus(),
        p.getStatusReason(),
        p.getCollectedBy(),
        p.getCollectedAt() == null ? null : p.getCollectedAt().toInstant(),
        p.getCreatedAt().toInstant(),
        p.getVersion());
  }
}
