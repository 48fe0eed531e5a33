package org.portpass.registry.internal.service;

import java.util.Optional;
import org.portpass.core.TooLargeException;
import org.portpass.registry.FileFormat;
import org.portpass.registry.NewAttachment;

/** What an upload is checked for before it is stored: its size, and what its bytes really are. */
final class UploadChecks {
  private UploadChecks() {}

  /**
   * The file's format, as its bytes show it: an oversized file is refused at once (413), anything
   * else wrong with the upload (no type, empty, unknown or incomplete file, a type or declared
   * content type the file contradicts) is refused together (400).
   */
  static FileFormat format(NewAttachment upload, byte[] bytes, long maxBytes) {
    if (bytes.length > maxBytes) {
      throw new TooLargeException(
          "the file is larger than the limit of " + maxBytes + " bytes",
          "file-over-limit",
          maxBytes);
    }
    Checks checks = new Checks();
    checks.notNull("type", upload.type());
    if (bytes.length == 0) {
      checks.add("content", "file-empty", "the file is empty");
    }
    Optional<FileFormat> detected = FileFormat.detect(bytes);
    if (bytes.length > 0 && detected.isEmpty()) {
      checks.add("content", "file-format", "the file is not a JPEG, PNG or PDF file");
    }
    detected.ifPresent(format -> checkFormat(checks, upload, format, bytes));
    checks.throwIfAny();
    return detected.get();
  }

  private static void checkFormat(
      Checks checks, NewAttachment upload, FileFormat format, byte[] bytes) {
    if (upload.type() != null && !upload.type().formats().contains(format)) {
      checks.add(
          "content",
          "type-accepts",
          upload.type() + " accepts " + upload.type().formats() + ", not " + format,
          upload.type(),
          upload.type().formats(),
          format);
    }
    if (declaredContradicts(upload.declaredContentType(), format)) {
      checks.add(
          "contentType",
          "declared-type",
          "declared " + upload.declaredContentType() + " but the file is " + format.mediaType(),
          upload.declaredContentType(),
          format.mediaType());
    }
    String incomplete = FileContents.problem(format, bytes);
    if (incomplete != null) {
      checks.add("content", "incomplete-file", incomplete, format);
    }
  }

  private static boolean declaredContradicts(String declared, FileFormat actual) {
    if (declared == null || declared.isBlank()) {
      return false;
    }
    String type = declared.split(";")[0].strip().toLowerCase();
    if (type.equals("application/octet-stream")) {
      return false; // "I don't know": the bytes decide
    }
    return FileFormat.forMediaType(type).map(f -> f != actual).orElse(true);
  }
}
