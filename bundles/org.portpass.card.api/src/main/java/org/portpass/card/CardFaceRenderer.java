package org.portpass.card;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Renders card faces: the image sent to the desk's printer (and shown to staff as a preview) and a
 * printable A4 sheet with the card at its real size.
 */
@ConsumerType
public interface CardFaceRenderer {
  /** The card face as a PNG image, 1012 × 638 pixels (85.6 × 54 mm at 300 dpi). */
  byte[] png(CardFace face);

  /** A one-page A4 PDF with the card face at its real size. */
  byte[] pdf(CardFace face);
}
