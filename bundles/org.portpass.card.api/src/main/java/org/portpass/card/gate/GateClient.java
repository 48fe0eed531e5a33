package org.portpass.card.gate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.portpass.card.PassCode;

/**
 * Keeps an {@link OfflineGate}'s revocation list current over the server's REST API with
 * java.net.http: the full list once ({@code GET /revocations}, gzip-compressed), then only the
 * changes after the gate's version ({@code GET /revocations?since=N}); when changes cannot continue
 * the gate's list (its version is unknown to the server, or a change set does not start at it) it
 * loads the full list again. Every document is verified with the gate's public key before it is
 * used, so the transport need not be trusted for the list's content.
 */
public final class GateClient {
  private static final Pattern KEY = Pattern.compile("\"publicKey\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"");

  private final HttpClient http;
  private final URI base;
  private final Supplier<String> token;
  private final OfflineGate gate;

  /**
   * @param base the API's base, e.g. {@code https://portpass.example/api/v1}
   * @param token the bearer token of the gate's account (port staff), asked for at each request
   */
  public GateClient(URI base, Supplier<String> token, OfflineGate gate) {
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.base = URI.create(Objects.requireNonNull(base, "base").toString().replaceAll("/+$", ""));
    this.token = Objects.requireNonNull(token, "token");
    this.gate = Objects.requireNonNull(gate, "gate");
  }

  public OfflineGate gate() {
    return gate;
  }

  /** The server's pass-code public key ({@code GET /pass-codes/key}), to build a gate with. */
  public static PublicKey fetchKey(URI base, String token)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(base.toString().replaceAll("/+$", "") + "/pass-codes/key"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = KEY.matcher(response.body());
    if (response.statusCode() != 200 || !m.find()) {
      throw new IOException("GET /pass-codes/key answered " + response.statusCode());
    }
    try {
      return KeyFactory.getInstance(PassCode.ALGORITHM)
          .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(m.group(1))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IOException("the server's key cannot be read", e);
    }
  }

  /**
   * Brings the gate's list up to the server's: the changes after its version, or the full list when
   * it has none or the changes do not continue it. Answers the gate's new version.
   */
  public long refresh() throws IOException, InterruptedException, InvalidRevocationListException {
    long version = gate.listVersion();
    if (version < 0) {
      return loadFull();
    }
    HttpResponse<byte[]> response = get("/revocations?since=" + version, false);
    if (response.statusCode() == 400) {
      return loadFull(); // the server does not know the version (a new database?)
    }
    require(response);
    try {
      gate.apply(response.body());
    } catch (InvalidRevocationListException e) {
      if (!e.reason().equals("sequence")) {
        throw e;
      }
      return loadFull();
    }
    return gate.listVersion();
  }

  /** Downloads and installs the full list; answers its version. */
  public long loadFull() throws IOException, InterruptedException, InvalidRevocationListException {
    HttpResponse<byte[]> response = get("/revocations", true);
    require(response);
    byte[] body = response.body();
    if (response.headers().firstValue("Content-Encoding").orElse("").equalsIgnoreCase("gzip")) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body), 1 << 16)) {
        body = in.readAllBytes();
      }
    }
    return gate.load(body).version();
  }

  private HttpResponse<byte[]> get(String path, boolean gzip)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token.get())
            .header("Accept", "text/plain, application/problem+json")
            .timeout(Duration.ofSeconds(60))
            .GET();
    if (gzip) {
      request.header("Accept-Encoding", "gzip");
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void require(HttpResponse<byte[]> response) throws IOException {
    if (response.statusCode() != 200) {
      throw new IOException(
          response.request().uri().getPath()
              + " answered "
              + response.statusCode()
              + ": "
              + new String(response.body(), StandardCharsets.UTF_8));
    }
  }
}
