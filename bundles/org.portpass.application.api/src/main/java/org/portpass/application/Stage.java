package org.portpass.application;

import java.util.Optional;
import org.portpass.core.Role;

/**
 * The three review stages every access port goes through, in order: reviewer (審查人員), harbor police
 * (港警人員), supervisor (主管人員).
 */
public enum Stage {
  REVIEW(Role.REVIEWER),
  POLICE(Role.POLICE),
  SUPERVISOR(Role.SUPERVISOR);

  private final Role role;

  Stage(Role role) {
    this.role = role;
  }

  /** The stage after this one; empty after {@link #SUPERVISOR} (the line goes to production). */
  public Optional<Stage> next() {
    return this == SUPERVISOR ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
  }

  /** The port role that decides at this stage. */
  public Role role() {
    return role;
  }

  /** The line status that means "at this stage". */
  public LineStatus lineStatus() {
    return LineStatus.valueOf(name());
  }
}
