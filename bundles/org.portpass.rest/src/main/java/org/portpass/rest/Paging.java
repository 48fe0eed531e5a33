package org.portpass.rest;

import org.portpass.core.PageRequest;
import org.portpass.core.ValidationException;

/** Reads {@code page} and {@code size} query parameters, answering 400 (not 404) for bad ones. */
public final class Paging {
  private Paging() {}

  public static PageRequest of(String page, String size) {
    return new PageRequest(number("page", page, 0), number("size", size, PageRequest.DEFAULT_SIZE));
  }

  /** An optional numeric query parameter. */
  public static Long optionalId(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      throw new ValidationException(name, "must be a number");
    }
  }

  private static int number(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new ValidationException(name, "must be a whole number");
    }
  }
}
