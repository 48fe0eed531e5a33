package org.portpass.core;

/** The entity asked for does not exist, or the caller may not know that it exists. */
public class NotFoundException extends PortPassException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String what, Object id) {
    super("not-found", what + " " + id + " does not exist", "not-found", what, String.valueOf(id));
  }
}
