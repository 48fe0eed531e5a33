package org.portpass.card.internal.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.portpass.application.PassCards;
import org.portpass.card.internal.entity.CardEntity;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;

/** The newest card of passes, read in card production's own transaction. */
@Component
public class PassCardsImpl implements PassCards {
  /** Numbers per query: keeps the IN list well inside every database's limits. */
  private static final int CHUNK = 200;

  /** Later cards of a pass have higher numbers in their serial ({@code <pass>-C<n>}). */
  private static final Comparator<CardEntity> NEWEST_LAST =
      Comparator.comparing(CardEntity::getCreatedAt)
          .thenComparing(card -> card.getSerial().length())
          .thenComparing(CardEntity::getSerial);

  private final Transactions tx;

  @Activate
  public PassCardsImpl(
      @Reference(target = "(osgi.unit.name=portpass-card)") JpaTemplate jpa,
      @Reference(target = CardSchema.READY) SchemaReady schema) {
    this.tx = new Transactions(jpa);
  }

  @Override
  public Map<String, CardState> newestCards(Collection<String> passNumbers) {
    List<String> numbers = passNumbers.stream().distinct().toList();
    Map<String, CardEntity> newest = new HashMap<>();
    for (int from = 0; from < numbers.size(); from += CHUNK) {
      List<String> chunk = numbers.subList(from, Math.min(numbers.size(), from + CHUNK));
      List<CardEntity> cards =
          tx.read(
              em ->
                  em.createQuery(
                          "SELECT c FROM CardEntity c WHERE c.passNumber IN :numbers",
                          CardEntity.class)
                      .setParameter("numbers", new ArrayList<>(chunk))
                      .getResultList());
      for (CardEntity card : cards) {
        newest.merge(card.getPassNumber(), card, (a, b) -> NEWEST_LAST.compare(a, b) >= 0 ? a : b);
      }
    }
    Map<String, CardState> result = new HashMap<>();
    newest.forEach(
        (number, card) ->
            result.put(number, new CardState(card.getSerial(), card.getStatus().name())));
    return result;
  }
}
