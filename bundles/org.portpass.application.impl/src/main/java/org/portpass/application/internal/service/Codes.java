package org.portpass.application.internal.service;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Port codes and id lists stored in one column as {@code ,KEL,KHH,}: the leading and trailing
 * commas let a query find a port with {@code LIKE '%,KEL,%'}.
 */
final class Codes {
  private Codes() {}

  static String join(Collection<?> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    return values.stream().map(String::valueOf).collect(Collectors.joining(",", ",", ","));
  }

  static Set<String> ports(String stored) {
    return split(stored).stream().collect(Collectors.toCollection(TreeSet::new));
  }

  static List<Long> ids(String stored) {
    return split(stored).stream().map(Long::valueOf).toList();
  }

  static String like(String port) {
    return "%," + port + ",%";
  }

  private static List<String> split(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    return Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).toList();
  }
}
