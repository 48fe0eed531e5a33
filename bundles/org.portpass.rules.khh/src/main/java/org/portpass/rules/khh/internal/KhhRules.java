package org.portpass.rules.khh.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** What Kaohsiung's rules share: the port code they register for and their configuration. */
public final class KhhRules {
  /** The port code of Kaohsiung (高雄), the value of every rule's {@code port} service property. */
  static final String PORT = "KHH";

  /** The configuration PID, {@code etc/org.portpass.rules.khh.cfg}. */
  static final String PID = "org.portpass.rules.khh";

  static final int DEFAULT_MAX_TEMPORARY_DAYS = 30;

  private KhhRules() {}

  /**
   * Kaohsiung's rule settings. Without a configuration the defaults apply, so the rules start as
   * soon as the bundle is installed.
   */
  @ObjectClassDefinition(
      name = "PortPass rules of Kaohsiung (KHH)",
      description = "Settings of the Kaohsiung port's review rules")
  public @interface Config {
    @AttributeDefinition(
        min = "1",
        description =
            "Longest validity of a temporary pass at Kaohsiung, in days, first and last day"
                + " included")
    int maxTemporaryDays() default DEFAULT_MAX_TEMPORARY_DAYS;
  }
}
