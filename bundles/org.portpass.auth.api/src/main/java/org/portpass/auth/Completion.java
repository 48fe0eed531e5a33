package org.portpass.auth;

/**
 * What a user sends to finish an external login: either the credentials of an existing account to
 * link, or the data for a new company account ({@link Registration} without a password).
 */
public record Completion(
    String completionToken,
    String username,
    String password,
    String displayName,
    String email,
    String phone,
    String companyTaxId,
    String companyName) {}
