package org.portpass.registry;

import java.util.List;

/** What customer service enters to create a company. */
public record NewCompany(
    String taxId,
    String name,
    String nameEn,
    String address,
    String phone,
    String industry,
    List<Contact> contacts) {}
