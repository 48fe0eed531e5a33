package org.portpass.application.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.portpass.application.Decision;
import org.portpass.application.LineRef;
import org.portpass.application.Stage;
import org.portpass.core.FieldError;
import org.portpass.core.ValidationException;

/** Reads request parameters and bodies of this bundle's resources, answering 400 for bad ones. */
final class Inputs {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  static final int MAX_IDEMPOTENCY_KEY = 100;
  private static final List<Decision> REVIEW_DECISIONS = List.of(Decision.APPROVE, Decision.REJECT);

  private Inputs() {}

  /** The body, or 400 when the request has none. */
  static <T> T body(T body) {
    if (body == null) {
      throw ValidationException.of("body", "json-object-required", "a JSON object is required");
    }
    return body;
  }

  /** A review stage, by name in any case ({@code police}, {@code POLICE}). */
  static Stage stage(String value) {
    return optionalEnum("stage", value, Stage.class)
        .orElseThrow(
            () ->
                ValidationException.of(
                    "stage",
                    "required-one-of",
                    "is required, " + names(Stage.class),
                    List.of(Stage.values())));
  }

  /** An optional enum query parameter, by name in any case; empty when absent or blank. */
  static <E extends Enum<E>> Optional<E> optionalEnum(String field, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw ValidationException.oneOf(field, List.of(type.getEnumConstants()));
    }
  }

  /** The client's idempotency key of a submission: required, at most 100 characters. */
  static String idempotencyKey(String value) {
    if (value == null || value.isBlank()) {
      throw ValidationException.of(
          IDEMPOTENCY_KEY,
          "idempotency-key-required",
          "is required, a key you choose per submission");
    }
    if (value.length() > MAX_IDEMPOTENCY_KEY) {
      throw ValidationException.maxLength(IDEMPOTENCY_KEY, MAX_IDEMPOTENCY_KEY);
    }
    return value;
  }

  /** Checks a single decision's body: decision and revision are required. */
  static DecisionRequest decision(DecisionRequest body) {
    List<FieldError> errors = new ArrayList<>();
    if (body == null || !isReview(body.decision())) {
      errors.add(decisionRequired());
    }
    if (body == null || body.revision() == null) {
      errors.add(revisionRequired("revision"));
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return body;
  }

  /**
   * Checks a bulk decision's body: a decision and at least one line, each with its id and revision;
   * answers the lines.
   */
  static List<LineRef> bulk(BulkDecisionRequest body) {
    List<FieldError> errors = new ArrayList<>();
    if (body == null || !isReview(body.decision())) {
      errors.add(decisionRequired());
    }
    List<LineRef> refs = new ArrayList<>();
    if (body == null || body.lines() == null || body.lines().isEmpty()) {
      errors.add(FieldError.of("lines", "line-required", "at least one line is required"));
    } else {
      List<BulkDecisionRequest.Line> lines = body.lines();
      for (int i = 0; i < lines.size(); i++) {
        BulkDecisionRequest.Line line = lines.get(i);
        if (line == null) {
          errors.add(FieldError.of("lines/" + i, "line-ref", "must be a line id and revision"));
          continue;
        }
        if (line.lineId() == null) {
          errors.add(FieldError.required("lines/" + i + "/lineId"));
        }
        if (line.revision() == null) {
          errors.add(revisionRequired("lines/" + i + "/revision"));
        }
        if (line.lineId() != null && line.revision() != null) {
          refs.add(new LineRef(line.lineId(), line.revision()));
        }
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return refs;
  }

  /** Only reviewer decisions may be given; the other values name the company's own steps. */
  private static boolean isReview(Decision decision) {
    return decision == Decision.APPROVE || decision == Decision.REJECT;
  }

  private static FieldError decisionRequired() {
    return FieldError.of(
        "decision", "required-one-of", "is required, one of " + REVIEW_DECISIONS, REVIEW_DECISIONS);
  }

  private static FieldError revisionRequired(String field) {
    return FieldError.of(
        field, "revision-required", "is required, the line's revision from the queue");
  }

  private static String names(Class<? extends Enum<?>> type) {
    return "one of " + List.of(type.getEnumConstants());
  }
}
