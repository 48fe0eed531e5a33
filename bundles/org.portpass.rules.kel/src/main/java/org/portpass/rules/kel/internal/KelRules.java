package org.portpass.rules.kel.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** What Keelung's rules share: the port code they register for and their configuration. */
public final class KelRules {
  /** The port code of Keelung (基隆), the value of every rule's {@code port} service property. */
  static final String PORT = "KEL";

  /** The configuration PID, {@code etc/org.portpass.rules.kel.cfg}. */
  static final String PID = "org.portpass.rules.kel";

  private KelRules() {}

  /**
   * Keelung's rule settings. Without a configuration the defaults apply, so the rules start as soon
   * as the bundle is installed.
   */
  @ObjectClassDefinition(
      name = "PortPass rules of Keelung (KEL)",
      description = "Settings of the Keelung port's review rules")
  public @interface Config {
    @AttributeDefinition(
        description =
            "Whether persons on temporary passes also need the port-safety training certificate")
    boolean trainingForTemporaryPasses() default true;
  }
}
