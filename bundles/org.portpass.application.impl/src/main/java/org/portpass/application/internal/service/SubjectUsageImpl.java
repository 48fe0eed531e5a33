package org.portpass.application.internal.service;

import java.util.List;
import java.util.Optional;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.portpass.application.LineStatus;
import org.portpass.application.SubjectKind;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.registry.OwnerKind;
import org.portpass.registry.SubjectUsage;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;

/** A person or vehicle on an application still in flight cannot be deleted from the registry. */
@Component
public class SubjectUsageImpl implements SubjectUsage {
  private static final List<LineStatus> SETTLED =
      List.of(LineStatus.DRAFT, LineStatus.CANCELLED, LineStatus.PICKED_UP);

  private final Transactions tx;

  @Activate
  public SubjectUsageImpl(
      @Reference(target = "(osgi.unit.name=portpass-application)") JpaTemplate jpa,
      @Reference(target = ApplicationSchema.READY) SchemaReady schema) {
    this.tx = new Transactions(jpa);
  }

  @Override
  public Optional<String> blockingUse(OwnerKind kind, long id) {
    if (kind == OwnerKind.COMPANY) {
      return Optional.empty();
    }
    SubjectKind subject = kind == OwnerKind.PERSON ? SubjectKind.PERSON : SubjectKind.VEHICLE;
    return tx.read(
        em ->
            em
                .createQuery(
                    "SELECT l FROM LineEntity l WHERE l.subjectKind = :kind AND l.subjectId = :id AND l.status NOT IN :settled",
                    LineEntity.class)
                .setParameter("kind", subject)
                .setParameter("id", id)
                .setParameter("settled", SETTLED)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst()
                .map(
                    l ->
                        "it is on application form "
                            + l.getForm().getNumber()
                            + " (line "
                            + l.getLineNo()
                            + ", "
                            + l.getStatus()
                            + ")"));
  }
}
