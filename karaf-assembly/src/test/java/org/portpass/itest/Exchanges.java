package org.portpass.itest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Records every response a test receives through {@link Api} (one JSON line each) under the
 * directory named by the system property {@code portpass.it.exchanges}, so that {@link
 * ContractCheck} validates them all against the OpenAPI document after the tests. Runs in the
 * container and in the test driver alike: each JVM writes a file of its own.
 */
final class Exchanges {
  static final String DIRECTORY = "portpass.it.exchanges";
  static final String DOCUMENT = "openapi.json";
  private static Writer out;

  private Exchanges() {}

  /** Where the recordings go, or null when nothing is recorded. */
  static Path directory() {
    String dir = System.getProperty(DIRECTORY);
    return dir == null || dir.isBlank() ? null : Path.of(dir);
  }

  static synchronized void record(HttpResponse<byte[]> response) {
    Path dir = directory();
    if (dir == null) {
      return;
    }
    URI uri = response.request().uri();
    ObjectNode line = Api.JSON.createObjectNode();
    line.put("method", response.request().method());
    line.put("path", uri.getRawPath());
    line.put("status", response.statusCode());
    String type = response.headers().firstValue("Content-Type").orElse(null);
    line.put("contentType", type);
    byte[] body = response.body() == null ? new byte[0] : response.body();
    line.put("length", body.length);
    if (type != null && type.contains("json")) {
      line.put("body", new String(body, StandardCharsets.UTF_8));
    }
    line.put("test", caller());
    try {
      writer(dir).write(Api.JSON.writeValueAsString(line) + "\n");
      out.flush(); // a container that is killed at the end keeps what it recorded
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves the document the server serves, to validate against and to lint. */
  static void document(byte[] json) {
    Path dir = directory();
    if (dir == null) {
      return;
    }
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "openapi", ".tmp");
      Files.write(temp, json);
      Files.move(temp, dir.resolve(DOCUMENT), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Writer writer(Path dir) throws IOException {
    if (out == null) {
      Files.createDirectories(dir);
      String jvm = ManagementFactory.getRuntimeMXBean().getName().replaceAll("\\W", "-");
      out =
          Files.newBufferedWriter(
              dir.resolve("exchanges-" + jvm + ".jsonl"),
              StandardCharsets.UTF_8,
              StandardOpenOption.CREATE,
              StandardOpenOption.APPEND);
    }
    return out;
  }

  /** The test method that made the call, to name in a mismatch. */
  private static String caller() {
    for (StackTraceElement frame : Thread.currentThread().getStackTrace()) {
      if (frame.getClassName().endsWith("IT") || frame.getClassName().contains("IT$")) {
        return frame.getClassName().replaceAll("^.*\\.", "") + "." + frame.getMethodName();
      }
    }
    return "";
  }
}
