package org.portpass.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every error the server answers has its zh-TW text: reads the main sources of every bundle for the
 * places that raise a domain error or a field error, and checks that each gives a message key
 * (English-only messages are allowed only where a comment says {@code untranslated:} and why, on
 * the line or the line before), that each key has a text in {@code messages_zh_TW.properties} with
 * as many {@code {n}} placeholders as the place gives arguments, and that the bundle holds no text
 * no place uses.
 */
class TranslationsTest {
  private static final String MARKER = "untranslated:";

  /** The calls that raise an error, and what their arguments are. */
  private static final Pattern CALL =
      Pattern.compile(
          "(new\\s+(?:ConflictException|ValidationException|NotFoundException|ForbiddenException"
              + "|UnauthorizedException|TooManyRequestsException|TooLargeException"
              + "|IllegalTransitionException|InvalidValueException|UnavailableException|FieldError)"
              + "|FieldError\\.of|ValidationException\\.of|ConflictException\\.duplicate"
              + "|Texts\\.required|checks\\.add)\\s*\\(");

  private static final Pattern KEY = Pattern.compile("\"[a-z0-9]+(-[a-z0-9]+)*\"");

  /** {@code condition ? "one-key" : "other-key"} */
  private static final Pattern CHOICE =
      Pattern.compile(
          "(?s)[^\"]*\\?\\s*(\"[a-z0-9]+(?:-[a-z0-9]+)*\")\\s*:\\s*(\"[a-z0-9]+(?:-[a-z0-9]+)*\")");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

  private static Properties zhTw;
  private static List<Site> sites;

  /** One call: where it is, what it calls, its arguments as source text. */
  record Site(String where, String call, List<String> args) {
    int count() {
      return args.size();
    }

    String arg(int i) {
      return args.get(i).strip();
    }
  }

  /** A key a call uses: the bundle key and how many arguments the call gives. */
  record Use(String where, String key, int arguments) {}

  @BeforeAll
  static void readSourcesAndBundle() throws IOException {
    zhTw = new Properties();
    try (InputStream in =
        TranslationsTest.class.getResourceAsStream(
            "/org/portpass/rest/messages_zh_TW.properties")) {
      zhTw.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Path bundles = bundles();
    sites = new ArrayList<>();
    try (Stream<Path> files = Files.walk(bundles)) {
      files
          .filter(p -> p.toString().endsWith(".java"))
          .filter(p -> p.toString().contains("/src/main/java/"))
          .sorted()
          .forEach(p -> sites.addAll(sites(bundles.relativize(p), read(p))));
    }
    assertTrue(sites.size() > 200, "found only " + sites.size() + " error sites; wrong folder?");
  }

  @Test
  void everyErrorOfTheServerHasAMessageKey() {
    List<String> englishOnly = new ArrayList<>();
    for (Site s : sites) {
      if (englishOnly(s)) {
        englishOnly.add(s.where() + " " + s.call() + s.args());
      }
    }
    assertEquals(
        List.of(),
        englishOnly,
        "errors without a message key (use a factory such as FieldError.required, or give a key"
            + " and its zh-TW text; or say why not in a comment '"
            + MARKER
            + " ...')");
  }

  @Test
  void everyKeyHasItsChineseTextWithTheSamePlaceholders() {
    List<String> problems = new ArrayList<>();
    for (Use use : uses(problems)) {
      String text = zhTw.getProperty(use.key());
      if (text == null) {
        problems.add(use.where() + ": no zh-TW text for " + use.key());
        continue;
      }
      Set<Integer> placeholders = placeholders(text);
      Set<Integer> expected = new TreeSet<>();
      for (int i = 0; i < use.arguments(); i++) {
        expected.add(i);
      }
      if (!placeholders.equals(expected)) {
        problems.add(
            use.where()
                + ": "
                + use.key()
                + " is given "
                + use.arguments()
                + " argument(s), its zh-TW text has placeholders "
                + placeholders
                + ": "
                + text);
      }
      if (use.arguments() > 0 && text.replace("''", "").contains("'")) {
        problems.add(use.key() + ": a single ' in a MessageFormat text; write ''");
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theBundleHoldsNoTextThatNoErrorUses() {
    Set<String> used = new TreeSet<>();
    uses(new ArrayList<>()).forEach(u -> used.add(u.key()));
    used.add("detail.not-found"); // NotFoundException's own constructor
    List<String> unused =
        zhTw.stringPropertyNames().stream()
            .filter(k -> k.startsWith("detail.") || k.startsWith("field."))
            .filter(k -> !used.contains(k))
            .sorted()
            .toList();
    assertEquals(List.of(), unused, "zh-TW texts that no error uses (a typo in a key?)");
  }

  @Test
  void everyThingThatIsNotFoundHasItsChineseName() {
    List<String> missing = new ArrayList<>();
    for (Site s : sites) {
      if (s.call().equals("new NotFoundException") && s.arg(0).startsWith("\"")) {
        String noun =
            "noun." + literal(s.arg(0)).strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        if (zhTw.getProperty(noun) == null) {
          missing.add(s.where() + ": " + noun);
        }
      }
    }
    assertEquals(List.of(), missing);
  }

  /** True when the call gives an English message only (and no comment says why). */
  private static boolean englishOnly(Site s) {
    int n = s.count();
    return switch (s.call()) {
      case "new ForbiddenException", "new UnauthorizedException", "new TooLargeException" -> n == 1;
      case "new TooManyRequestsException", "new ValidationException" -> n == 2;
      case "new UnavailableException" -> n == 2;
      case "new IllegalTransitionException", "ConflictException.duplicate" -> n == 2;
      case "new InvalidValueException" -> n == 1;
      case "new ConflictException" -> n == 3;
      case "new FieldError" -> n == 2 || (n == 4 && s.arg(2).equals("null"));
      case "Texts.required" -> n == 4;
      case "checks.add" -> n == 2;
      default -> false;
    };
  }

  /**
   * The keys the calls use, with the bundle prefix of their kind: {@code field.} for field errors,
   * {@code detail.} for the others. A key must be a literal, unless the call passes on its caller's
   * {@code messageKey} (the factories themselves).
   */
  private static List<Use> uses(List<String> problems) {
    List<Use> uses = new ArrayList<>();
    for (Site s : sites) {
      int n = s.count();
      int key =
          switch (s.call()) {
            case "FieldError.of", "ValidationException.of", "checks.add" -> n >= 3 ? 1 : -1;
            case "Texts.required" -> n >= 5 ? 3 : -1;
            case "new ConflictException" -> n >= 4 ? 3 : -1;
            case "ConflictException.duplicate" -> n >= 3 ? 2 : -1;
            case "new ForbiddenException", "new UnauthorizedException", "new TooLargeException" ->
                n >= 2 ? 1 : -1;
            case "new InvalidValueException" -> n >= 2 ? 1 : -1;
            case "new TooManyRequestsException", "new IllegalTransitionException" ->
                n >= 3 ? 2 : -1;
            case "new UnavailableException" -> n >= 3 ? 2 : -1;
            default -> -1;
          };
      if (key < 0) {
        continue;
      }
      // field errors give their English message after the key, domain errors before it
      boolean field =
          s.call().equals("new InvalidValueException")
              || s.call().equals("FieldError.of")
              || s.call().equals("ValidationException.of")
              || s.call().equals("checks.add")
              || s.call().equals("Texts.required");
      String prefix = field ? "field." : "detail.";
      int first = key + (field && !s.call().equals("new InvalidValueException") ? 2 : 1);
      String literal = s.arg(key);
      if (literal.matches("(\\w+\\.)?messageKey(\\(\\))?")) {
        continue; // a factory passing on its caller's key
      }
      List<String> keys = new ArrayList<>();
      Matcher choice = CHOICE.matcher(literal);
      if (choice.matches()) {
        keys.add(choice.group(1));
        keys.add(choice.group(2));
      } else if (KEY.matcher(literal).matches()) {
        keys.add(literal);
      } else {
        problems.add(
            s.where()
                + ": the message key must be a kebab-case literal (or a ?: of two): "
                + literal);
        continue;
      }
      int arguments = n - first;
      boolean passesArray = n == first + 1 && s.arg(first).equals("arguments");
      for (String k : keys) {
        uses.add(new Use(s.where(), prefix + literal(k), passesArray ? -1 : arguments));
      }
    }
    uses.removeIf(u -> u.arguments() < 0);
    return uses;
  }

  private static Set<Integer> placeholders(String text) {
    Set<Integer> found = new TreeSet<>();
    Matcher m = PLACEHOLDER.matcher(text.replace("''", ""));
    while (m.find()) {
      found.add(Integer.parseInt(m.group(1)));
    }
    return found;
  }

  /** The calls in one source file, with their top-level arguments. */
  static List<Site> sites(Path file, String source) {
    List<Site> found = new ArrayList<>();
    Matcher m = CALL.matcher(source);
    while (m.find()) {
      if (inCommentOrString(source, m.start())) {
        continue;
      }
      int line = lineOf(source, m.start());
      if (marked(source, line)) {
        continue;
      }
      String call = m.group(1).replaceAll("\\s+", " ");
      found.add(new Site(file + ":" + line, call, arguments(source, m.end())));
    }
    return found;
  }

  /** The top-level arguments of the call whose '(' ends just before {@code from}. */
  static List<String> arguments(String source, int from) {
    List<String> args = new ArrayList<>();
    int depth = 0;
    StringBuilder current = new StringBuilder();
    for (int i = from; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '"' || c == '\'') {
        int end = endOfLiteral(source, i);
        current.append(source, i, end);
        i = end - 1;
        continue;
      }
      if (c == '/' && i + 1 < source.length() && source.charAt(i + 1) == '/') {
        i = source.indexOf('\n', i);
        continue;
      }
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        if (depth == 0) {
          if (!current.toString().isBlank()) {
            args.add(current.toString().strip());
          }
          return args;
        }
        depth--;
      } else if (c == ',' && depth == 0) {
        args.add(current.toString().strip());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    throw new IllegalStateException("unbalanced call at " + from);
  }

  private static int endOfLiteral(String source, int start) {
    char quote = source.charAt(start);
    for (int i = start + 1; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i + 1;
      }
    }
    return source.length();
  }

  /** True inside a line comment, a block comment or a string literal (roughly, per line). */
  private static boolean inCommentOrString(String source, int at) {
    int lineStart = source.lastIndexOf('\n', at) + 1;
    String before = source.substring(lineStart, at).strip();
    if (before.startsWith("//") || before.startsWith("*") || before.startsWith("/*")) {
      return true;
    }
    return before.replace("\\\"", "").chars().filter(c -> c == '"').count() % 2 == 1;
  }

  private static boolean marked(String source, int line) {
    String[] lines = source.split("\n", -1);
    return lines[line - 1].contains(MARKER) || (line > 1 && lines[line - 2].contains(MARKER));
  }

  private static int lineOf(String source, int at) {
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (source.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static String literal(String quoted) {
    return quoted.substring(1, quoted.length() - 1);
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path bundles() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (p.getFileName() != null && p.getFileName().toString().equals("bundles")) {
        return p;
      }
      if (Files.isDirectory(p.resolve("bundles").resolve("org.portpass.core"))) {
        return p.resolve("bundles");
      }
    }
    throw new IllegalStateException("no bundles folder above " + Path.of("").toAbsolutePath());
  }

  @Test
  void theScannerReadsArgumentsAsJavaDoes() {
    List<Site> found =
        sites(
            Path.of("X.java"),
            "class X {\n"
                + "  void a() {\n"
                + "    throw new ForbiddenException(\"a, (b\", \"k\", f(1, 2), new Object[] {3, 4});\n"
                + "    // throw new ForbiddenException(\"in a comment\");\n"
                + "    // untranslated: a test\n"
                + "    throw new ForbiddenException(\"marked\");\n"
                + "    errors.add(new FieldError(\"f\", \"plain\"));\n"
                + "  }\n"
                + "}\n");
    assertEquals(2, found.size(), found.toString());
    assertEquals(
        List.of("\"a, (b\"", "\"k\"", "f(1, 2)", "new Object[] {3, 4}"), found.get(0).args());
    assertEquals("X.java:7", found.get(1).where());
    assertTrue(englishOnly(found.get(1)));
  }
}
