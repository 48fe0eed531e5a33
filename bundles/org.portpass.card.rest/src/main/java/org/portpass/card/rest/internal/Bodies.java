package org.portpass.card.rest.internal;

import org.portpass.core.ValidationException;

/** Request bodies of the card production API. */
final class Bodies {
  private Bodies() {}

  /** A reason for an operator action or a status change. */
  record ReasonRequest(String reason) {}

  /** Who collected a card at the desk. */
  record PickupRequest(String collectedBy) {}

  /** The desk that begins a job's next step. */
  record BeginRequest(String desk) {}

  /** A scanned pass code and the port of the gate asking (optional). */
  record VerifyRequest(String payload, String port) {}

  /** The public key that verifies pass codes, X.509 DER in base64. */
  record VerificationKey(String algorithm, String publicKey) {}

  /** The body, or 400 when the request has none. */
  static <T> T body(T body) {
    if (body == null) {
      throw ValidationException.of("body", "json-object-required", "a JSON object is required");
    }
    return body;
  }
}
