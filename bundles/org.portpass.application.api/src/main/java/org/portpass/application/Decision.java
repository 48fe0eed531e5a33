package org.portpass.application;

/** A reviewer's decision on a line at one port and stage. */
public enum Decision {
  APPROVE,
  /** Returns the line to the company; needs a reason (審核未過原因). */
  REJECT
}
