package org.portpass.application;

import java.time.LocalDate;

/**
 * Whether a subject may get passes today, and a company apply (管制 and 停權).
 *
 * @param bannedUntil the last day of the longest ban in force, or {@code null}
 * @param violationId the violation carrying that ban, or {@code null}
 * @param singleVisitAllowed whether single-visit passes stay allowed (true when not banned)
 */
public record Standing(LocalDate bannedUntil, Long violationId, boolean singleVisitAllowed) {
  public static final Standing CLEAR = new Standing(null, null, true);

  public boolean banned() {
    return bannedUntil != null;
  }
}
