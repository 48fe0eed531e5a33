package org.portpass.core;

/** A page of a list: zero-based page number and page size (1 to {@value #MAX_SIZE}). */
public record PageRequest(int page, int size) {
  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;

  public PageRequest {
    if (page < 0) {
      throw ValidationException.of("page", "at-least", "must be 0 or more", 0);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw ValidationException.of(
          "size", "between", "must be between 1 and " + MAX_SIZE, 1, MAX_SIZE);
    }
    if ((long) page * size > Integer.MAX_VALUE) {
      throw ValidationException.of("page", "beyond-last-page", "is beyond the last page");
    }
  }

  public static PageRequest first(int size) {
    return new PageRequest(0, size);
  }

  public int offset() {
    return page * size;
  }
}
