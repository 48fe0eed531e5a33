package org.portpass.rules.khh.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The OSGi descriptors bnd generates: what makes the rules appear at Kaohsiung when installed. */
class DescriptorsTest {

  @ParameterizedTest
  @ValueSource(
      classes = {
        TemporaryPassLengthRule.class,
        VehicleInsuranceRule.class,
        LongPassConfirmationRule.class
      })
  void ruleIsAReviewRuleServiceOfKaohsiungThatStartsWithoutConfiguration(Class<?> rule)
      throws Exception {
    String xml = component(rule);
    assertTrue(xml.contains("interface=\"org.portpass.application.ReviewRule\""), xml);
    assertTrue(xml.contains("<property name=\"port\" type=\"String\" value=\"KHH\"/>"), xml);
    assertFalse(xml.contains("configuration-policy=\"require\""), xml);
    assertFalse(xml.contains("<reference"), xml);
  }

  @Test
  void lengthRuleFollowsItsConfigurationWhileStayingRegistered() throws Exception {
    String xml = component(TemporaryPassLengthRule.class);
    assertTrue(xml.contains("configuration-pid=\"org.portpass.rules.khh\""), xml);
    assertTrue(xml.contains("modified=\"modified\""), xml);
  }

  @Test
  void metatypeDescribesTheLimitAndItsDefault() throws Exception {
    String xml = resource("OSGI-INF/metatype/" + KhhRules.Config.class.getName() + ".xml");
    assertTrue(xml.contains("pid=\"org.portpass.rules.khh\""), xml);
    assertTrue(xml.contains("id=\"maxTemporaryDays\""), xml);
    assertTrue(xml.contains("default=\"30\""), xml);
    assertTrue(xml.contains("min=\"1\""), xml);
  }

  private String component(Class<?> rule) throws Exception {
    return resource("OSGI-INF/" + rule.getName() + ".xml");
  }

  private String resource(String name) throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
      assertNotNull(in, name + " not generated (bnd-process runs before the tests)");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
