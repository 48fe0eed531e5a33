package org.portpass.application;

import java.util.List;
import java.util.Set;

/**
 * A form as the company enters it, for a new draft or to replace a draft. A draft may be
 * incomplete; completeness is checked at submission.
 *
 * @param accessPorts codes of the ports the pass gives access to (通行之港口)
 * @param pickupPort code of the port where the card is picked up (領證之港口)
 * @param companyAttachmentIds ids of the company's attachments ticked to send
 */
public record FormInput(
    PassType passType,
    Set<String> accessPorts,
    String pickupPort,
    String purpose,
    List<Long> companyAttachmentIds,
    List<FormLineInput> lines) {}
