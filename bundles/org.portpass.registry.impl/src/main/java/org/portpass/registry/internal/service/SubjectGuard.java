package org.portpass.registry.internal.service;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.portpass.core.ConflictException;
import org.portpass.registry.OwnerKind;
import org.portpass.registry.RegistryConflicts;
import org.portpass.registry.SubjectUsage;

/** Asks every {@link SubjectUsage} (forms, passes) whether a person or vehicle may be removed. */
@Component(service = SubjectGuard.class)
public class SubjectGuard {
  private final List<SubjectUsage> usages = new CopyOnWriteArrayList<>();

  @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
  void addUsage(SubjectUsage usage) {
    usages.add(usage);
  }

  void removeUsage(SubjectUsage usage) {
    usages.remove(usage);
  }

  void requireUnused(OwnerKind kind, long id, String what) {
    for (SubjectUsage usage : usages) {
      usage
          .blockingUse(kind, id)
          .ifPresent(
              reason -> {
                throw new ConflictException(
                    RegistryConflicts.IN_USE,
                    null,
                    what + " cannot be deleted: " + reason,
                    "cannot-delete",
                    what,
                    reason);
              });
    }
  }
}
