package org.portpass.application.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.portpass.application.ApplicationForm;
import org.portpass.application.FormLine;
import org.portpass.application.PassCards;

/**
 * Adds the card status to the lines of a form that have a pass. (Lines answered alone, by review
 * decisions, resubmission and cancellation, are before card production and have no card.) The cards
 * belong to card production (its own persistence unit), so they are asked for here, after the
 * application service's transaction; on a node without card production a line's card status stays
 * null.
 */
@Component(service = LineCards.class)
public class LineCards {
  @Reference(
      cardinality = ReferenceCardinality.OPTIONAL,
      policy = ReferencePolicy.DYNAMIC,
      policyOption = ReferencePolicyOption.GREEDY)
  private volatile PassCards cards;

  ApplicationForm of(ApplicationForm form) {
    return form.withLines(of(form.lines()));
  }

  private List<FormLine> of(List<FormLine> lines) {
    PassCards current = cards;
    List<String> numbers =
        lines.stream().map(FormLine::passNumber).filter(Objects::nonNull).toList();
    if (current == null || numbers.isEmpty()) {
      return lines;
    }
    Map<String, PassCards.CardState> found = current.newestCards(numbers);
    return lines.stream()
        .map(
            line -> {
              PassCards.CardState card =
                  line.passNumber() == null ? null : found.get(line.passNumber());
              return card == null ? line : line.withCardStatus(card.status());
            })
        .toList();
  }
}
