package org.portpass.auth;

/** ACTIVE accounts may log in; DISABLED ones may not (an administrator's decision). */
public enum AccountStatus {
  ACTIVE,
  DISABLED
}
