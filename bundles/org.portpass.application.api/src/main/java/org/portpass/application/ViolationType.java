package org.portpass.application;

/**
 * A kind of violation and the ban it carries (管制), as data: the port authority revises them.
 *
 * @param code stable identifier, e.g. {@code LENDING}
 * @param port the port this definition applies to, or {@link #ALL_PORTS} for the default that a
 *     port's own definition of the same code overrides
 * @param banMonths months from the violation's date during which the subject gets no long-term or
 *     temporary pass (0: none)
 * @param singleVisitAllowed whether single-visit passes stay allowed during the ban
 */
public record ViolationType(
    String code,
    String port,
    String nameEn,
    String nameZhTw,
    int banMonths,
    boolean singleVisitAllowed) {
  /** The {@link #port()} of the definitions that apply wherever no port defines its own. */
  public static final String ALL_PORTS = "*";
}
