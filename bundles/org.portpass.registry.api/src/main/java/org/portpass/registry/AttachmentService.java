package org.portpass.registry;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.portpass.core.Caller;

/**
 * Attachments of companies, persons and vehicles. Content is checked from its bytes (format, size
 * limit), stored with its SHA-256 and addressed only by id, never by file name.
 */
@ProviderType
public interface AttachmentService {
  Attachment upload(Caller caller, OwnerKind ownerKind, long ownerId, NewAttachment attachment);

  List<Attachment> list(Caller caller, OwnerKind ownerKind, long ownerId);

  Attachment get(Caller caller, OwnerKind ownerKind, long ownerId, long attachmentId);

  AttachmentContent content(Caller caller, OwnerKind ownerKind, long ownerId, long attachmentId);

  void delete(Caller caller, OwnerKind ownerKind, long ownerId, long attachmentId);
}
