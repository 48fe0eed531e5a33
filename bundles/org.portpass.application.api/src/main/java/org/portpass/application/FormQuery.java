package org.portpass.application;

/**
 * Form search; {@code null} criteria are ignored. Company accounts only ever see their own
 * company's forms, whatever {@code companyId} says.
 *
 * @param number a prefix of the form number
 */
public record FormQuery(Long companyId, FormStatus status, PassType passType, String number) {}
