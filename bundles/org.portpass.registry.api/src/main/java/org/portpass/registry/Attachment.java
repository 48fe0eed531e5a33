package org.portpass.registry;

import java.time.Instant;
import java.time.LocalDate;

/** An attachment's metadata; the content is fetched separately. */
public record Attachment(
    long id,
    OwnerKind ownerKind,
    long ownerId,
    AttachmentType type,
    String fileName,
    String contentType,
    long size,
    String sha256,
    LocalDate validUntil,
    String uploadedBy,
    Instant uploadedAt) {}
