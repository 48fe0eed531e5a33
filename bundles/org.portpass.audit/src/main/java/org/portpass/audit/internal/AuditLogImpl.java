package org.portpass.audit.internal;

import java.time.Instant;
import java.util.Date;
import java.util.stream.Collectors;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.portpass.core.AuditEvent;
import org.portpass.core.AuditLog;
import org.portpass.core.AuditQuery;
import org.portpass.core.Caller;
import org.portpass.core.ForbiddenException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.core.Role;
import org.portpass.storage.PagedQuery;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;

@Component
public class AuditLogImpl implements AuditLog {
  private static final int MAX_SUMMARY = 2000;

  private final Transactions tx;

  @Activate
  public AuditLogImpl(
      @Reference(target = "(osgi.unit.name=portpass-audit)") JpaTemplate jpa,
      @Reference(target = AuditSchema.READY) SchemaReady schema) {
    this.tx = new Transactions(jpa);
  }

  @Override
  public void record(
      Caller caller,
      String action,
      String entityType,
      String entityId,
      String before,
      String after) {
    AuditEventEntity event = new AuditEventEntity();
    event.setOccurredAt(new Date());
    event.setActor(cut(caller.username(), 128));
    event.setRoles(
        cut(
            caller.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")),
            255));
    event.setAction(cut(action, 64));
    event.setEntityType(cut(entityType, 32));
    event.setEntityId(cut(entityId, 64));
    event.setBefore(cut(before, MAX_SUMMARY));
    event.setAfter(cut(after, MAX_SUMMARY));
    event.setClientAddress(cut(caller.clientAddress(), 64));
    event.setRequestId(cut(caller.requestId(), 64));
    tx.write(em -> em.persist(event)); // joins the caller's transaction when there is one
  }

  @Override
  public Page<AuditEvent> find(Caller caller, AuditQuery query, PageRequest page) {
    if (!caller.hasAny(Role.ADMIN, Role.CUSTOMER_SERVICE)) {
      throw new ForbiddenException(
          "only administrators and customer service read the audit trail", "audit-readers");
    }
    PagedQuery<AuditEventEntity> found =
        PagedQuery.of(AuditEventEntity.class)
            .whereGiven("e.actor = :actor", "actor", query.actor())
            .whereGiven(
                "e.action LIKE :action",
                "action",
                query.action() == null ? null : query.action() + "%")
            .whereGiven("e.entityType = :type", "type", query.entityType())
            .whereGiven("e.entityId = :entity", "entity", query.entityId())
            .whereGiven(
                "e.occurredAt >= :from",
                "from",
                query.from() == null ? null : Date.from(query.from()))
            .whereGiven(
                "e.occurredAt < :to", "to", query.to() == null ? null : Date.from(query.to()));
    return tx.read(em -> found.page(em, "e.id DESC", page, AuditLogImpl::view));
  }

  private static AuditEvent view(AuditEventEntity e) {
    return new AuditEvent(
        e.getId(),
        toInstant(e.getOccurredAt()),
        e.getActor(),
        e.getRoles(),
        e.getAction(),
        e.getEntityType(),
        e.getEntityId(),
        e.getBefore(),
        e.getAfter(),
        e.getClientAddress(),
        e.getRequestId());
  }

  private static Instant toInstant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
