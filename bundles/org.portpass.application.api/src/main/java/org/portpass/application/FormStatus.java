package org.portpass.application;

/** A form's status; the lines carry their own review state. */
public enum FormStatus {
  /** In the draft box (草稿匣); may be edited or deleted. */
  DRAFT,
  /** Sent; its lines move through the review flow independently. */
  SUBMITTED,
  /** Every line is picked up or cancelled. */
  FINISHED
}
