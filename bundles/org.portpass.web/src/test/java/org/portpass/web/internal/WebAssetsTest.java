package org.portpass.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class WebAssetsTest {
  private static final String MAP = "{\"imports\":{\"lit\":\"@BASE@vendor/lit/index.js\"}}";
  private static final String INDEX =
      "<html><meta name=\"portpass-mtnet-login\" content=\"@MTNET@\"><script type=\"importmap\">"
          + MAP
          + "</script><script type=\"module\" src=\"@BASE@app/main.js\"></script></html>";

  private static Map<String, byte[]> entries(String mainJs) {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put("web/index.html", INDEX.getBytes(StandardCharsets.UTF_8));
    entries.put("web/app/main.js", mainJs.getBytes(StandardCharsets.UTF_8));
    entries.put(
        "META-INF/resources/webjars/lit/3.3.1/index.js",
        "export * from 'lit-html';".getBytes(StandardCharsets.UTF_8));
    entries.put("OSGI-INF/other.xml", new byte[] {1});
    return entries;
  }

  @Test
  void assetUrlsCarryTheReleaseHashAndWebJarsLoseTheirVersionFolder() {
    WebAssets assets = WebAssets.of(entries("console.log(1);"));
    String html = new String(assets.index().body(), StandardCharsets.UTF_8);
    assertTrue(html.contains("/static/" + assets.version() + "/app/main.js"), html);
    assertTrue(html.contains("/static/" + assets.version() + "/vendor/lit/index.js"), html);
    assertTrue(assets.find("vendor/lit/index.js").isPresent());
    assertTrue(assets.find("app/main.js").isPresent());
    assertFalse(assets.find("OSGI-INF/other.xml").isPresent());
    assertFalse(assets.find("index.html").isPresent(), "the page is served only at /");
    assertEquals("text/javascript; charset=utf-8", assets.find("app/main.js").get().contentType());
  }

  @Test
  void aChangedFileChangesTheReleaseHashAndItsEtag() {
    WebAssets one = WebAssets.of(entries("console.log(1);"));
    WebAssets two = WebAssets.of(entries("console.log(2);"));
    assertNotEquals(one.version(), two.version());
    assertNotEquals(one.find("app/main.js").get().etag(), two.find("app/main.js").get().etag());
    assertEquals(
        one.find("vendor/lit/index.js").get().etag(), two.find("vendor/lit/index.js").get().etag());
    assertEquals(one.version(), WebAssets.of(entries("console.log(1);")).version());
  }

  @Test
  void theCspAllowsTheInlineImportMapByItsHashAndNothingElseInline() throws Exception {
    WebAssets assets = WebAssets.of(entries("x"));
    String served = MAP.replace("@BASE@", "/static/" + assets.version() + "/");
    String hash =
        Base64.getEncoder()
            .encodeToString(
                MessageDigest.getInstance("SHA-256")
                    .digest(served.getBytes(StandardCharsets.UTF_8)));
    String csp = assets.contentSecurityPolicy();
    assertTrue(csp.contains("script-src 'self' 'sha256-" + hash + "';"), csp);
    assertTrue(csp.contains("frame-ancestors 'none'"), csp);
    assertTrue(csp.contains("style-src 'self';"), csp);
    assertFalse(csp.contains("unsafe-inline"), csp);
  }

  @Test
  void gzipCopiesUnpackToTheOriginal() throws IOException {
    String big = "export const x = 1;\n".repeat(200);
    WebAssets.Asset asset = WebAssets.of(entries(big)).find("app/main.js").get();
    assertTrue(asset.gzipped().length < asset.body().length);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(asset.gzipped()))) {
      assertEquals(big, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void aBundleWithoutThePageOrItsImportMapIsRefused() {
    assertThrows(IllegalStateException.class, () -> WebAssets.of(Map.of()));
    assertThrows(
        IllegalStateException.class,
        () -> WebAssets.of(Map.of("web/index.html", "<html></html>".getBytes())));
  }

  @Test
  void theMtnetAddressReachesThePageOnlyAsAnEscapedHttpUrl() {
    String page =
        new String(
            WebAssets.of(entries("x"), "https://mtnet.example/login?a=1&b=\"2\"").index().body(),
            StandardCharsets.UTF_8);
    assertTrue(
        page.contains("content=\"https://mtnet.example/login?a=1&amp;b=&quot;2&quot;\""), page);
    String refused =
        new String(
            WebAssets.of(entries("x"), "javascript:alert(1)").index().body(),
            StandardCharsets.UTF_8);
    assertTrue(refused.contains("content=\"\""), refused);
  }
}
