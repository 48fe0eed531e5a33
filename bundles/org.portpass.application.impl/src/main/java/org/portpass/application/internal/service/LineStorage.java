package org.portpass.application.internal.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import org.portpass.application.AttachmentSummary;
import org.portpass.application.Decision;
import org.portpass.application.Finding;
import org.portpass.application.internal.entity.DecisionEntity;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.core.Caller;
import org.portpass.registry.AttachmentType;

/** How a line's history and its snapshots of attachments and findings are stored. */
final class LineStorage {
  private LineStorage() {}

  /** Records a step in the line's history. */
  static void record(
      EntityManager em, Caller caller, LineEntity line, Decision step, String reason) {
    DecisionEntity d = new DecisionEntity();
    d.setLineId(line.getId());
    d.setDecision(step);
    d.setReason(reason);
    d.setRevision(line.getRevision());
    d.setDecidedBy(caller.username());
    d.setDecidedAt(new Date());
    em.persist(d);
  }

  /** Attachments as stored on the line: "TYPE" or "TYPE:validUntil", separated by ";". */
  static String encodeAttachments(List<AttachmentSummary> attachments) {
    return attachments.stream()
        .map(a -> a.type() + (a.validUntil() == null ? "" : ":" + a.validUntil()))
        .collect(Collectors.joining(";"));
  }

  static List<AttachmentSummary> decodeAttachments(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    List<AttachmentSummary> attachments = new ArrayList<>();
    for (String item : stored.split(";")) {
      String[] p = item.split(":", 2);
      attachments.add(
          new AttachmentSummary(
              AttachmentType.valueOf(p[0]), p.length == 2 ? LocalDate.parse(p[1]) : null));
    }
    return attachments;
  }

  /** Between a stored finding's English and Chinese sentence (older rows have English only). */
  private static final String ZH_TW_SEPARATOR = "\u001f";

  /**
   * Findings as stored on the line: one per row, "severity|rule|port|field|message", the message
   * followed by its zh-TW sentence after {@link #ZH_TW_SEPARATOR} when the rule gave one.
   */
  static String encode(List<Finding> findings) {
    if (findings.isEmpty()) {
      return null;
    }
    String text =
        findings.stream()
            .map(
                f ->
                    f.severity()
                        + "|"
                        + f.ruleId()
                        + "|"
                        + f.port()
                        + "|"
                        + (f.field() == null ? "" : f.field())
                        + "|"
                        + f.message().replace('\n', ' ')
                        + (f.messageZhTw() == null
                            ? ""
                            : ZH_TW_SEPARATOR + f.messageZhTw().replace('\n', ' ')))
            .collect(Collectors.joining("\n"));
    return text.length() > 4000 ? text.substring(0, 4000) : text;
  }

  static List<Finding> decode(String stored) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (String row : stored.split("\n")) {
      String[] p = row.split("\\|", 5);
      if (p.length == 5) {
        String[] texts = p[4].split(ZH_TW_SEPARATOR, 2);
        findings.add(
            new Finding(
                p[1],
                p[2],
                org.portpass.application.Severity.valueOf(p[0]),
                p[3].isEmpty() ? null : p[3],
                texts[0],
                texts.length == 2 ? texts[1] : null));
      }
    }
    return findings;
  }
}
