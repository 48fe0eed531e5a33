package org.portpass.core;

/** The roles of DESIGN.md. Company roles act for one company, port roles for one or more ports. */
public enum Role {
  COMPANY_USER,
  COMPANY_ADMIN,
  CUSTOMER_SERVICE,
  REVIEWER,
  POLICE,
  SUPERVISOR,
  CARD_DESK,
  ADMIN;

  public boolean isCompanyRole() {
    return this == COMPANY_USER || this == COMPANY_ADMIN;
  }

  public boolean isPortRole() {
    return this == REVIEWER || this == POLICE || this == SUPERVISOR || this == CARD_DESK;
  }
}
