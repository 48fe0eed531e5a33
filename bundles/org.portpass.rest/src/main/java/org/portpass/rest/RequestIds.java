package org.portpass.rest;

import javax.servlet.http.HttpServletRequest;

/**
 * Every request has an id (the client's X-Request-Id when sane, else a new one) for logs and audit.
 */
public final class RequestIds {
  public static final String ATTRIBUTE = "org.portpass.requestId";

  private RequestIds() {}

  public static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    return id != null ? id.toString() : request.getHeader("X-Request-Id");
  }
}
