package org.portpass.auth;

/**
 * A company's application for its first account (新帳號申請). Ties the account to the company's tax ID;
 * an unknown company is registered as PENDING for customer service to verify.
 */
public record Registration(
    String username,
    String password,
    String displayName,
    String email,
    String phone,
    String companyTaxId,
    String companyName) {}
