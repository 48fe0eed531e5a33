package org.portpass.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * The web application's files, read once when the bundle starts: the application's own modules
 * under {@code app/}, and the WebJars' modules under {@code vendor/<package>/} (their version
 * folder dropped, so the import map does not name versions). Every file gets a strong ETag and a
 * gzip copy; the whole set gets one content hash, which becomes part of every asset URL so the
 * browser may keep assets for a year and still sees a new release at once.
 */
final class WebAssets {
  static final String INDEX = "index.html";
  private static final Pattern WEBJAR =
      Pattern.compile("META-INF/resources/webjars/([^/]+)/[^/]+/(.+)");
  private static final String BASE = "@BASE@";
  private static final String MTNET = "@MTNET@";
  private static final Pattern IMPORT_MAP =
      Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

  /** One file ready to send. */
  record Asset(String path, byte[] body, byte[] gzipped, String contentType, String etag) {}

  private final Map<String, Asset> assets;
  private final String version;
  private final Asset index;
  private final String importMapHash;

  private WebAssets(Map<String, Asset> assets, String version, Asset index, String importMapHash) {
    this.assets = assets;
    this.version = version;
    this.index = index;
    this.importMapHash = importMapHash;
  }

  /**
   * Builds the asset set from bundle entries: {@code web/...} files of the application and {@code
   * META-INF/resources/webjars/...} modules, keyed by their path in the bundle.
   */
  static WebAssets of(Map<String, byte[]> entries) {
    return of(entries, "");
  }

  /** The same, with the login page's MTNet address (empty: no MTNet button). */
  static WebAssets of(Map<String, byte[]> entries, String mtnetLoginUrl) {
    Map<String, byte[]> files = new TreeMap<>();
    byte[] template = null;
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      String path = entry.getKey();
      Matcher webjar = WEBJAR.matcher(path);
      if (path.equals("web/" + INDEX)) {
        template = entry.getValue();
      } else if (path.startsWith("web/")) {
        files.put(path.substring("web/".length()), entry.getValue());
      } else if (webjar.matches()) {
        files.put("vendor/" + webjar.group(1) + "/" + webjar.group(2), entry.getValue());
      }
    }
    if (template == null) {
      throw new IllegalStateException("the bundle has no web/" + INDEX);
    }
    MessageDigest release = sha256();
    files.forEach(
        (path, body) -> {
          release.update(path.getBytes(StandardCharsets.UTF_8));
          release.update(body);
        });
    String version = HexFormat.of().formatHex(release.digest(), 0, 8);
    Map<String, Asset> assets = new TreeMap<>();
    files.forEach((path, body) -> assets.put(path, asset(path, body)));
    String html =
        new String(template, StandardCharsets.UTF_8)
            .replace(BASE, "/static/" + version + "/")
            .replace(MTNET, attribute(mtnetLoginUrl == null ? "" : mtnetLoginUrl.strip()));
    Matcher importMap = IMPORT_MAP.matcher(html);
    if (!importMap.find()) {
      throw new IllegalStateException(INDEX + " has no import map");
    }
    String hash =
        Base64.getEncoder()
            .encodeToString(sha256().digest(importMap.group(1).getBytes(StandardCharsets.UTF_8)));
    return new WebAssets(
        assets, version, asset(INDEX, html.getBytes(StandardCharsets.UTF_8)), hash);
  }

  /** The release's content hash, the second segment of every asset URL. */
  String version() {
    return version;
  }

  Asset index() {
    return index;
  }

  /** An asset by its path below {@code /static/<version>/}, e.g. {@code app/main.js}. */
  Optional<Asset> find(String path) {
    return Optional.ofNullable(assets.get(path));
  }

  /**
   * The pages' Content-Security-Policy: only this server's scripts, styles, fonts and API; images
   * also from blob: URLs (attachment previews are fetched with the token, then shown from memory);
   * the inline import map allowed by its hash and nothing else inline.
   */
  String contentSecurityPolicy() {
    return "default-src 'none'; script-src 'self' 'sha256-"
        + importMapHash
        + "'; style-src 'self'; img-src 'self' blob: data:; font-src 'self'; connect-src 'self';"
        + " frame-src blob:; object-src 'none'; base-uri 'none'; form-action 'self';"
        + " frame-ancestors 'none'; manifest-src 'self'";
  }

  /**
   * Text for an HTML attribute value: only http(s) addresses, with the markup characters escaped.
   */
  static String attribute(String url) {
    if (!url.matches("https?://[^\\s]+")) {
      return "";
    }
    return url.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }

  private static Asset asset(String path, byte[] body) {
    String etag = "\"" + HexFormat.of().formatHex(sha256().digest(body), 0, 16) + "\"";
    return new Asset(path, body, gzip(body), contentType(path), etag);
  }

  static String contentType(String path) {
    String extension = path.substring(path.lastIndexOf('.') + 1);
    return switch (extension) {
      case "html" -> "text/html; charset=utf-8";
      case "js", "mjs" -> "text/javascript; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "json" -> "application/json; charset=utf-8";
      case "svg" -> "image/svg+xml";
      case "png" -> "image/png";
      case "ico" -> "image/x-icon";
      case "woff2" -> "font/woff2";
      default -> "application/octet-stream";
    };
  }

  private static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
