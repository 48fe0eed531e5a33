package org.portpass.application.internal.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.portpass.application.Finding;
import org.portpass.application.ReviewRule;
import org.portpass.application.RuleContext;
import org.portpass.application.Stage;
import org.portpass.core.PortCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review rules of every port, as rule bundles come and go: a rule registered with {@code
 * port=KEL} applies to Keelung only, from the moment its bundle starts until it stops.
 */
@Component(service = RuleRegistry.class)
public class RuleRegistry {
  private static final Logger LOG = LoggerFactory.getLogger(RuleRegistry.class);

  private final Map<String, List<ReviewRule>> byPort = new ConcurrentHashMap<>();

  @Reference(
      cardinality = ReferenceCardinality.MULTIPLE,
      policy = ReferencePolicy.DYNAMIC,
      target = "(" + ReviewRule.PORT + "=*)",
      updated = "updatedRule")
  void addRule(ReviewRule rule, Map<String, Object> properties) {
    byPort.computeIfAbsent(port(properties), p -> new CopyOnWriteArrayList<>()).add(rule);
  }

  void removeRule(ReviewRule rule, Map<String, Object> properties) {
    // wherever it is: its port property may have changed since it was added
    byPort.values().forEach(rules -> rules.remove(rule));
  }

  void updatedRule(ReviewRule rule, Map<String, Object> properties) {
    removeRule(rule, properties);
    addRule(rule, properties);
  }

  /** The rules of {@code port} in force now. */
  List<ReviewRule> rules(String port) {
    return List.copyOf(byPort.getOrDefault(port, List.of()));
  }

  List<Finding> atSubmission(RuleContext context) {
    return run(context, null);
  }

  List<Finding> atStage(RuleContext context, Stage stage) {
    return run(context, stage);
  }

  /** A rule that throws or returns null is reported as a blocking finding, never as a 500. */
  private List<Finding> run(RuleContext context, Stage stage) {
    List<Finding> findings = new ArrayList<>();
    for (ReviewRule rule : byPort.getOrDefault(context.port(), List.of())) {
      try {
        List<Finding> found =
            stage == null ? rule.atSubmission(context) : rule.atStage(context, stage);
        if (found == null) {
          throw new IllegalStateException("returned null");
        }
        findings.addAll(found);
      } catch (RuntimeException e) {
        LOG.error("Review rule {} of port {} failed", rule.id(), context.port(), e);
        findings.add(
            Finding.blocking(
                rule.id(),
                context.port(),
                null,
                "rule " + rule.id() + " could not be evaluated; ask the port"));
      }
    }
    return findings;
  }

  private static String port(Map<String, Object> properties) {
    return PortCode.normalise(String.valueOf(properties.get(ReviewRule.PORT)));
  }
}
