package org.portpass.rules.kel.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OSGi descriptors bnd generates: what makes the rules appear at Keelung when installed. */
class DescriptorsTest {

  @ParameterizedTest
  @ValueSource(classes = {TrainingCertificateRule.class})
  void ruleIsAReviewRuleServiceOfKeelungThatStartsWithoutConfiguration(Class<?> rule)
      throws Exception {
    String xml = resource("OSGI-INF/" + rule.getName() + ".xml");
    assertTrue(xml.contains("interface=\"org.portpass.application.ReviewRule\""), xml);
    assertTrue(xml.contains("name=\"port\""), xml);
    assertTrue(xml.contains("value=\"KEL\""), xml);
    assertTrue(xml.contains("configuration-pid=\"org.portpass.rules.kel\""), xml);
    assertFalse(xml.contains("configuration-policy=\"require\""), xml);
    assertTrue(xml.contains("modified=\"modified\""), xml);
    assertFalse(xml.contains("<reference"), xml);
  }

  @Test
  void metatypeDescribesTheSettingsAndTheirDefaults() throws Exception {
    String xml = resource("OSGI-INF/metatype/" + KelRules.Config.class.getName() + ".xml");
    assertTrue(xml.contains("pid=\"org.portpass.rules.kel\""), xml);
    assertTrue(xml.contains("id=\"trainingForTemporaryPasses\""), xml);
    assertTrue(xml.contains("default=\"true\""), xml);
  }

  private String resource(String name) throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
      assertNotNull(in, name + " not generated (bnd-process runs before the tests)");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
