package org.portpass.registry;

import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Implemented by capabilities that refer to persons and vehicles (application forms, passes) so the
 * registry can refuse to delete a subject that is still in use. Called inside the deleting
 * transaction; must return quickly.
 */
@ConsumerType
public interface SubjectUsage {
  /** A human-readable reason why the subject may not be deleted now, or empty if it may. */
  Optional<String> blockingUse(OwnerKind kind, long id);
}
