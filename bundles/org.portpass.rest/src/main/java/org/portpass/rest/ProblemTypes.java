package org.portpass.rest;

/** problem+json essentials shared by the mapper and the OpenAPI document. */
public final class ProblemTypes {
  public static final String MEDIA_TYPE = "application/problem+json";

  /** The stable type URI for a problem code, e.g. {@code urn:portpass:problem:validation}. */
  public static String uri(String code) {
    return "urn:portpass:problem:" + code;
  }

  private ProblemTypes() {}
}
