package org.portpass.registry;

import java.time.LocalDate;

/**
 * An upload. {@code declaredContentType} is what the client claims; the stored content type is the
 * one detected from the bytes, and a claim that contradicts the bytes is refused.
 */
public record NewAttachment(
    AttachmentType type,
    String fileName,
    String declaredContentType,
    LocalDate validUntil,
    byte[] content) {}
