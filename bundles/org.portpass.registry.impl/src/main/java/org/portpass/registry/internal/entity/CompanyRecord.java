package org.portpass.registry.internal.entity;

/** A record a company keeps in the registry (a person or a vehicle): who may see and change it. */
public interface CompanyRecord {
  Long getId();

  /** The company, or null for a person between employers. */
  CompanyEntity getCompany();
}
