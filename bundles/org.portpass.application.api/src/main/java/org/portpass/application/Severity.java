package org.portpass.application;

/** How much a rule finding matters. */
public enum Severity {
  /** Stops the submission (or, at a stage, must be resolved before approving). */
  BLOCKING,
  /** Shown to reviewers; does not stop anything. */
  WARNING
}
