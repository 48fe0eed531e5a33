package org.portpass.card.render.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The component descriptor bnd generates: a renderer service that starts as soon as installed. */
class DescriptorsTest {

  @Test
  void rendererIsACardFaceRendererServiceWithoutReferencesOrConfiguration() throws Exception {
    String name = "OSGI-INF/" + Java2dCardFaceRenderer.class.getName() + ".xml";
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(name)) {
      assertNotNull(in, name + " not generated (bnd-process runs before the tests)");
      String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(xml.contains("interface=\"org.portpass.card.CardFaceRenderer\""), xml);
      assertFalse(xml.contains("<reference"), xml);
      assertFalse(xml.contains("configuration-policy=\"require\""), xml);
    }
  }
}
