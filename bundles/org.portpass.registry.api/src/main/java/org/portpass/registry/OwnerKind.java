package org.portpass.registry;

/**
 * What an attachment belongs to. Attachments move with their owner, never with a company change.
 */
public enum OwnerKind {
  COMPANY,
  PERSON,
  VEHICLE
}
