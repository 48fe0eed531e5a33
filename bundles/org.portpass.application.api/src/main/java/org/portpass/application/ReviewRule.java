package org.portpass.application;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A port's own review rule, provided by a port's rule bundle (e.g. {@code org.portpass.rules.kel}).
 *
 * <p>Runtime contract:
 *
 * <ul>
 *   <li>Registered as an OSGi service with the service property {@value #PORT}{@code =<port code>};
 *       the rule applies only to lines whose access ports include that port. Rule bundles may be
 *       installed and uninstalled at any time: the core picks rules up and drops them without a
 *       restart and without touching other ports' rules.
 *   <li>Called on request threads, possibly concurrently: must be thread-safe, must return quickly
 *       and must not block on I/O; everything it may look at is in the {@link RuleContext}.
 *   <li>Must not throw. A thrown exception (or a {@code null} result) is reported by the core as a
 *       blocking finding of this rule, so a broken rule stops submissions rather than letting lines
 *       pass unchecked.
 * </ul>
 */
@ConsumerType
public interface ReviewRule {
  /** The service property naming the port a rule applies to. */
  String PORT = "port";

  /** Stable identifier, e.g. {@code kel.hazmat-training}; shown with every finding. */
  String id();

  /**
   * Checks a line at submission (and at resubmission). A {@link Severity#BLOCKING} finding stops
   * the submission with the finding's message; a warning is shown to the reviewers.
   */
  List<Finding> atSubmission(RuleContext line);

  /** Adds findings for the reviewers when the line enters {@code stage}; none by default. */
  default List<Finding> atStage(RuleContext line, Stage stage) {
    return List.of();
  }

  /**
   * The attachments this rule requires, described for clients before they submit (served by {@code
   * GET /ports/{code}/requirements}); none by default. Describe exactly what {@link #atSubmission}
   * enforces.
   */
  default List<AttachmentRequirement> attachmentRequirements() {
    return List.of();
  }

  /**
   * The longest validity in days this rule allows per pass type, when it is stricter than the
   * application settings; none by default.
   */
  default Map<PassType, Integer> maxDays() {
    return Map.of();
  }
}
