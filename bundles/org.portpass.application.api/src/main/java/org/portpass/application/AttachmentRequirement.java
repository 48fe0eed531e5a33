package org.portpass.application;

import org.portpass.core.LocalizedText;
import org.portpass.registry.AttachmentType;

/**
 * An attachment a port's rule requires before a line can be submitted, as clients are told in
 * advance.
 *
 * @param subjectKind whose line needs it
 * @param passType the pass type concerned, or {@code null} for every type
 * @param attachmentType what must be attached
 * @param text what the rule asks for, in zh-TW and English
 */
public record AttachmentRequirement(
    SubjectKind subjectKind,
    PassType passType,
    AttachmentType attachmentType,
    LocalizedText text) {}
