package org.portpass.registry.internal.service;

import javax.persistence.EntityManager;
import org.portpass.registry.OwnerKind;

/** Removes an owner's attachments together with the owner. */
final class Attachments {
  private Attachments() {}

  static void deleteAll(EntityManager em, OwnerKind kind, long ownerId) {
    em.createQuery(
            "DELETE FROM AttachmentContentEntity c WHERE c.attachmentId IN"
                + " (SELECT a.id FROM AttachmentEntity a WHERE a.ownerKind = :kind AND a.ownerId = :id)")
        .setParameter("kind", kind)
        .setParameter("id", ownerId)
        .executeUpdate();
    em.createQuery("DELETE FROM AttachmentEntity a WHERE a.ownerKind = :kind AND a.ownerId = :id")
        .setParameter("kind", kind)
        .setParameter("id", ownerId)
        .executeUpdate();
  }
}
