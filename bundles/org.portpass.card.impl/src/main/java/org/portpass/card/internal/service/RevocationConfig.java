package org.portpass.card.internal.service;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@value Revocations#PID}: how the revocation list is kept and served. */
@ObjectClassDefinition(name = "PortPass revocation list")
@interface RevocationConfig {
  @AttributeDefinition(
      description =
          "Seconds between catch-ups that compare the list with every pass and card, repairing"
              + " what a missed event left out")
  int catchUpSeconds() default 300;

  @AttributeDefinition(
      description =
          "Seconds a signed full list is served before it is signed anew with a fresh issued-at,"
              + " although its version has not changed")
  int resignSeconds() default 300;
}
