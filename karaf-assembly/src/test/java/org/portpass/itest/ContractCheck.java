package org.portpass.itest;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Validates every response the integration tests received (recorded by {@link Exchanges}) against
 * the OpenAPI document the server served, so the document cannot drift from what the server does.
 * Run by the build after the integration tests; exits non-zero on any mismatch, naming the
 * operation, the status and what differs. Responses to requests that no operation of the document
 * describes (unknown paths or methods, refused by the server before any resource) are counted and
 * listed separately.
 */
public final class ContractCheck {
  /** The server answered a request that is not an operation of the document. */
  private static final Set<String> OUTSIDE =
      Set.of("validation.request.path.missing", "validation.request.operation.notAllowed");

  private ContractCheck() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Path document = dir.resolve(Exchanges.DOCUMENT);
    if (!Files.exists(document)) {
      System.out.println(
          "[contract] no OpenAPI document recorded in " + dir + ": nothing to check");
      return;
    }
    OpenApiInteractionValidator validator =
        OpenApiInteractionValidator.createForInlineApiSpecification(Files.readString(document))
            .build();
    Map<String, Mismatch> mismatches = new TreeMap<>();
    Map<String, Integer> outside = new TreeMap<>();
    int validated = 0;
    for (JsonNode exchange : exchanges(dir)) {
      ValidationReport report =
          validator.validateResponse(path(exchange), method(exchange), response(exchange));
      String request = exchange.path("method").asText() + " " + exchange.path("path").asText();
      if (report.getMessages().stream().anyMatch(m -> OUTSIDE.contains(m.getKey()))) {
        outside.merge(request + " -> " + exchange.path("status").asInt(), 1, Integer::sum);
        continue;
      }
      validated++;
      for (ValidationReport.Message message : report.getMessages()) {
        if (message.getLevel() != ValidationReport.Level.ERROR) {
          continue;
        }
        String operation =
            message
                .getContext()
                .flatMap(ValidationReport.MessageContext::getApiOperation)
                .map(o -> o.getMethod() + " " + o.getApiPath().original())
                .orElse(request);
        String key =
            operation + " " + exchange.path("status").asInt() + ": " + message.getMessage();
        mismatches.computeIfAbsent(key, k -> new Mismatch(request, exchange)).count++;
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(
        "[contract] "
            + validated
            + " responses validated against the OpenAPI document, "
            + mismatches.size()
            + " kinds of mismatch");
    mismatches.forEach(
        (key, m) ->
            lines.add(
                "MISMATCH "
                    + key
                    + " ("
                    + m.count
                    + "x; e.g. "
                    + m.request
                    + " in "
                    + m.exchange.path("test").asText()
                    + ", body "
                    + abbreviate(m.exchange.path("body").asText())
                    + ")"));
    lines.add(
        "[contract] "
            + outside.values().stream().mapToInt(Integer::intValue).sum()
            + " responses to requests outside the document (no such path or method):");
    outside.forEach((request, count) -> lines.add("  outside " + request + " (" + count + "x)"));
    Files.write(dir.resolve("report.txt"), lines);
    lines.forEach(System.out::println);
    if (!mismatches.isEmpty()) {
      System.exit(1);
    }
  }

  private static List<JsonNode> exchanges(Path dir) throws IOException {
    List<JsonNode> all = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
        for (String line : Files.readAllLines(file)) {
          if (!line.isBlank()) {
            all.add(read(line));
          }
        }
      }
    }
    return all;
  }

  private static JsonNode read(String line) {
    try {
      return Api.JSON.readTree(line);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String path(JsonNode exchange) {
    return exchange.path("path").asText();
  }

  private static Request.Method method(JsonNode exchange) {
    return Request.Method.valueOf(exchange.path("method").asText());
  }

  private static SimpleResponse response(JsonNode exchange) {
    SimpleResponse.Builder response =
        SimpleResponse.Builder.status(exchange.path("status").asInt());
    if (!exchange.path("contentType").isNull() && exchange.has("contentType")) {
      response.withContentType(exchange.path("contentType").asText());
    }
    if (exchange.path("length").asInt() > 0) {
      // only JSON bodies are recorded; a file's bytes are not checked, only that they came
      response.withBody(
          exchange.has("body")
              ? exchange.path("body").asText()
              : "(" + exchange.path("length").asInt() + " bytes)");
    }
    return response.build();
  }

  private static String abbreviate(String body) {
    return body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }

  private static final class Mismatch {
    final String request;
    final JsonNode exchange;
    int count;

    Mismatch(String request, JsonNode exchange) {
      this.request = request;
      this.exchange = exchange;
    }
  }
}
