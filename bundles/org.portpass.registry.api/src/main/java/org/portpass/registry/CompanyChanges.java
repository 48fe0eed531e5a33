package org.portpass.registry;

import java.util.List;

/**
 * A change of a company. The company administrator may change phone, address, industry and
 * contacts; name, English name and tax ID are for customer service only. A {@code null} field is
 * left as it is. {@code version} is the version the client read (optimistic locking).
 */
public record CompanyChanges(
    String name,
    String nameEn,
    String taxId,
    String address,
    String phone,
    String industry,
    List<Contact> contacts,
    Long version) {}
