package org.portpass.application;

import java.time.LocalDate;

/**
 * Pass search; {@code null} criteria are ignored. Company accounts only ever see their own
 * company's passes, whatever {@code companyId} says; port staff those of their ports.
 *
 * @param port an access port of the pass
 * @param validOn a day within the pass's validity
 */
public record PassQuery(Long companyId, String port, PassStatus status, LocalDate validOn) {}
