package org.portpass.registry;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The file formats accepted for attachments. The format is taken from the content's magic bytes,
 * never from the file name or the client's content type, which are easily wrong or forged.
 */
public enum FileFormat {
  JPEG("image/jpeg", 0xFF, 0xD8, 0xFF),
  PNG("image/png", 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A),
  // "%PDF-" in ASCII
  PDF("application/pdf", 0x25, 0x50, 0x44, 0x46, 0x2D);

  private final String mediaType;
  private final byte[] magic;

  FileFormat(String mediaType, int... magic) {
    this.mediaType = mediaType;
    this.magic = new byte[magic.length];
    for (int i = 0; i < magic.length; i++) {
      this.magic[i] = (byte) magic[i];
    }
  }

  /** The IANA media type, e.g. {@code image/jpeg}. */
  public String mediaType() {
    return mediaType;
  }

  /** The format whose magic bytes {@code bytes} starts with; empty if none or {@code null}. */
  public static Optional<FileFormat> detect(byte[] bytes) {
    if (bytes == null) {
      return Optional.empty();
    }
    return Arrays.stream(values())
        .filter(f -> bytes.length >= f.magic.length)
        .filter(f -> Arrays.equals(bytes, 0, f.magic.length, f.magic, 0, f.magic.length))
        .findFirst();
  }

  /**
   * The format with the given media type, case-insensitive and ignoring parameters such as {@code
   * ;charset=...}; empty if unknown or {@code null}.
   */
  public static Optional<FileFormat> forMediaType(String mediaType) {
    if (mediaType == null) {
      return Optional.empty();
    }
    int semicolon = mediaType.indexOf(';');
    String bare =
        (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
            .strip()
            .toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.mediaType.equals(bare)).findFirst();
  }
}
