package org.portpass.registry;

/** A company is PENDING until customer service verifies it; SUSPENDED companies may not apply. */
public enum CompanyStatus {
  PENDING,
  VERIFIED,
  SUSPENDED
}
