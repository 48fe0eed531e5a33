package org.portpass.itest;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Valid, distinct test data: tax IDs and national IDs with correct check digits, generated so every
 * test (and every re-run against the same database) gets its own.
 */
public final class Samples {
  private static final AtomicInteger SEQUENCE =
      new AtomicInteger((int) (System.nanoTime() % 500_000));
  private static final int[] TAX_WEIGHTS = {1, 2, 1, 2, 1, 2, 4, 1};

  private Samples() {}

  /** A valid 8-digit tax ID (checksum divisible by 10, so valid under old and new rules). */
  public static String taxId() {
    while (true) {
      String seven = String.format("%07d", 3_000_000 + SEQUENCE.incrementAndGet());
      for (int last = 0; last <= 9; last++) {
        String candidate = seven + last;
        if (seven.charAt(6) != '7' && taxSum(candidate) % 10 == 0) {
          return candidate;
        }
      }
    }
  }

  private static int taxSum(String digits) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      int product = (digits.charAt(i) - '0') * TAX_WEIGHTS[i];
      sum += product / 10 + product % 10;
    }
    return sum;
  }

  /** A valid Taiwan national ID starting with the letter A (code 10). */
  public static String nationalId() {
    String body = "1" + String.format("%07d", SEQUENCE.incrementAndGet() % 10_000_000);
    int sum = 1 * 1 + 0 * 9; // letter A = 10
    for (int i = 0; i < 8; i++) {
      sum += (body.charAt(i) - '0') * (8 - i);
    }
    int check = (10 - sum % 10) % 10;
    return "A" + body + check;
  }

  public static Map<String, Object> company(String taxId, String name) {
    return Map.of("taxId", taxId, "name", name, "phone", "02-1234-5678", "industry", "logistics");
  }

  public static byte[] png() {
    BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A small but complete PDF (catalog, page tree, cross-reference table): it parses. */
  public static byte[] pdf() {
    String comment = "";
    String head = "%PDF-1.4\n" + comment;
    String catalog = "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
    String pages = "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
    String xref =
        "xref\n0 3\n0000000000 65535 f \n"
            + String.format("%010d 00000 n \n", head.length())
            + String.format("%010d 00000 n \n", head.length() + catalog.length());
    String trailer =
        "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n"
            + (head.length() + catalog.length() + pages.length())
            + "\n%%EOF\n";
    return (head + catalog + pages + xref + trailer)
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** A person registered through the API and the ids of its attachments. */
  record Subject(long id, List<Long> attachmentIds) {}

  /** Registers a new person of the caller's company with a photo, as a clerk would. */
  static Subject personWithPhoto(Api company) {
    long person =
        company
            .post("/persons", Map.of("identityNumber", nationalId(), "nameZh", "王小明"))
            .expect(201)
            .json()
            .path("id")
            .asLong();
    company
        .send(
            HttpRequest.newBuilder(company.uri("/persons/" + person + "/attachments?type=PHOTO"))
                .header("Content-Type", "image/png")
                .POST(HttpRequest.BodyPublishers.ofByteArray(png())))
        .expect(201);
    List<Long> attachments = new ArrayList<>();
    company
        .get("/persons/" + person + "/attachments")
        .expect(200)
        .json()
        .forEach(a -> attachments.add(a.path("id").asLong()));
    return new Subject(person, attachments);
  }
}
