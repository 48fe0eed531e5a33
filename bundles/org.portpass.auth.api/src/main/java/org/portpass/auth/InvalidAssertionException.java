package org.portpass.auth;

/** An external assertion was refused; the message says why (expired, wrong signature, ...). */
public class InvalidAssertionException extends Exception {
  private static final long serialVersionUID = 1L;

  public InvalidAssertionException(String message) {
    super(message);
  }
}
