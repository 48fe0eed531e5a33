package org.portpass.card.internal.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.portpass.card.CardFace;
import org.portpass.card.CardFaceRenderer;

/**
 * Renders a face as a few bytes naming its card and keeps every face, so a test reads the pass code
 * the printer printed (as the desk's scanner would from the card).
 */
final class RecordingRenderer implements CardFaceRenderer {
  final List<CardFace> faces = new CopyOnWriteArrayList<>();

  @Override
  public byte[] png(CardFace face) {
    faces.add(face);
    return ("png " + face.cardSerial()).getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public byte[] pdf(CardFace face) {
    faces.add(face);
    return ("pdf " + face.cardSerial()).getBytes(StandardCharsets.US_ASCII);
  }

  /** The pass code printed on the newest face. */
  String lastPrintedCode() {
    return faces.get(faces.size() - 1).qrPayload();
  }
}
