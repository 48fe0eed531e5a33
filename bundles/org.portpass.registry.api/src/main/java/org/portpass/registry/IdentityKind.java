package org.portpass.registry;

/** The kinds of identity number a person can be registered with. */
public enum IdentityKind {
  /** Taiwan national ID (身分證字號): one letter and nine digits with a checksum. */
  NATIONAL_ID,
  /**
   * Resident certificate (居留證 / 統一證號), old (two letters + 8 digits) or new (letter + 8/9 + 8
   * digits) format.
   */
  RESIDENT_CERTIFICATE,
  /** Passport number, unique together with the issuing nationality (ISO 3166 alpha-3). */
  PASSPORT
}
