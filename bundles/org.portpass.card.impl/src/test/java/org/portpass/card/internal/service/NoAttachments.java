package org.portpass.card.internal.service;

import java.util.List;
import org.portpass.core.Caller;
import org.portpass.registry.Attachment;
import org.portpass.registry.AttachmentContent;
import org.portpass.registry.AttachmentService;
import org.portpass.registry.NewAttachment;
import org.portpass.registry.OwnerKind;

/** A registry whose holders have no photo: the face is printed without one. */
final class NoAttachments implements AttachmentService {
  @Override
  public List<Attachment> list(Caller caller, OwnerKind ownerKind, long ownerId) {
    return List.of();
  }

  @Override
  public Attachment upload(
      Caller caller, OwnerKind ownerKind, long ownerId, NewAttachment attachment) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public Attachment get(Caller caller, OwnerKind ownerKind, long ownerId, long attachmentId) {
    throw new UnsupportedOperationException("there are none");
  }

  @Override
  public AttachmentContent content(
      Caller caller, OwnerKind ownerKind, long ownerId, long attachmentId) {
    throw new UnsupportedOperationException("there are none");
  }

  @Override
  public void delete(Caller caller, OwnerKind ownerKind, long ownerId, long attachmentId) {
    throw new UnsupportedOperationException("read-only");
  }
}
