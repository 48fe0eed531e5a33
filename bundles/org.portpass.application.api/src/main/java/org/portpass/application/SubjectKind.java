package org.portpass.application;

import org.portpass.registry.OwnerKind;

/** What a line applies for a pass for: a person or a vehicle. */
public enum SubjectKind {
  PERSON,
  VEHICLE;

  /** The registry owner kind of the subject, to look up its attachments. */
  public OwnerKind ownerKind() {
    return this == PERSON ? OwnerKind.PERSON : OwnerKind.VEHICLE;
  }
}
