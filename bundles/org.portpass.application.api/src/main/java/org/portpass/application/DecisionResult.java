package org.portpass.application;

/**
 * The outcome for one line of {@link ReviewService#decideMany}.
 *
 * @param line the line after the decision, or {@code null} if it was refused
 * @param errorCode the {@link org.portpass.core.PortPassException#code()} of the refusal, or {@code
 *     null}
 * @param message why it was refused, or {@code null}
 */
public record DecisionResult(long lineId, FormLine line, String errorCode, String message) {

  public boolean applied() {
    return errorCode == null;
  }
}
