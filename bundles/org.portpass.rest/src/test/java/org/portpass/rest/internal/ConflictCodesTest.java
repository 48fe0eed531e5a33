package org.portpass.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every conflict code is a constant of its API package (no literal where a conflict is raised), and
 * docs/api.md lists exactly the declared codes.
 */
class ConflictCodesTest {
  private static final Pattern CONSTANT =
      Pattern.compile("public static final String [A-Z_]+ = \"([a-z-]+)\";");
  private static final Pattern RAISED_LITERALLY = Pattern.compile("new ConflictException\\(\\s*\"");
  private static final Pattern SUPER_LITERALLY = Pattern.compile("super\\(\\s*\"");
  private static final Pattern DOCUMENTED =
      Pattern.compile("^  \\| `([a-z-]+)` \\|", Pattern.MULTILINE);

  @Test
  void conflictsAreRaisedWithDeclaredCodesOnly() {
    List<String> literal = new ArrayList<>();
    for (Path file : sources()) {
      String text = read(file);
      if (RAISED_LITERALLY.matcher(text).find()
          || (text.contains("extends ConflictException") && SUPER_LITERALLY.matcher(text).find())) {
        literal.add(bundles().relativize(file).toString());
      }
    }
    assertEquals(List.of(), literal, "conflicts raised with a literal code instead of a constant");
  }

  @Test
  void theApiDocumentListsEveryDeclaredCode() {
    Set<String> declared = new TreeSet<>();
    for (Path file : sources()) {
      String name = file.getFileName().toString();
      if (name.endsWith("Conflicts.java") || name.equals("ConflictException.java")) {
        Matcher m = CONSTANT.matcher(read(file));
        while (m.find()) {
          declared.add(m.group(1));
        }
      }
    }
    assertTrue(declared.size() >= 20, "found only " + declared);
    Set<String> documented = new TreeSet<>();
    Matcher m = DOCUMENTED.matcher(read(bundles().resolveSibling("docs").resolve("api.md")));
    while (m.find()) {
      documented.add(m.group(1));
    }
    assertEquals(declared, documented, "docs/api.md's conflict table against the constants");
  }

  private static List<Path> sources() {
    try (Stream<Path> files = Files.walk(bundles())) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/java/"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    return TranslationsTest.read(file);
  }

  private static Path bundles() {
    return TranslationsTest.bundles();
  }
}
