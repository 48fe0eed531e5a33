package org.portpass.registry;

/** An attachment with its bytes, for download. */
public record AttachmentContent(Attachment attachment, byte[] bytes) {}
