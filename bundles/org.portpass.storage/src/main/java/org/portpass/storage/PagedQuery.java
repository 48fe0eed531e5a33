package org.portpass.storage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;

/**
 * A list query built from optional criteria, answered as one page plus the total count: the shape
 * of every list in PortPass. Criteria are JPQL conditions on the alias {@code e} with named
 * parameters.
 */
public final class PagedQuery<E> {
  private final Class<E> type;
  private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
  private final Map<String, Object> parameters = new LinkedHashMap<>();

  private PagedQuery(Class<E> type) {
    this.type = type;
  }

  public static <E> PagedQuery<E> of(Class<E> type) {
    return new PagedQuery<>(type);
  }

  /** Adds {@code condition} (e.g. {@code e.company.id = :company}) with its one parameter. */
  public PagedQuery<E> where(String condition, String parameter, Object value) {
    where.append(" AND ").append(condition);
    parameters.put(parameter, value);
    return this;
  }

  /** Adds {@code condition} with several parameters (e.g. alternatives joined by OR). */
  public PagedQuery<E> where(String condition, Map<String, ?> values) {
    where.append(" AND (").append(condition).append(')');
    parameters.putAll(values);
    return this;
  }

  /** Adds a condition only when {@code value} is given (not null, not blank). */
  public PagedQuery<E> whereGiven(String condition, String parameter, Object value) {
    if (value == null || (value instanceof String text && text.isBlank())) {
      return this;
    }
    return where(condition, parameter, value);
  }

  /** The parameter value for a case-insensitive "contains" match, or null when nothing is asked. */
  public static String containing(String text) {
    return text == null || text.isBlank() ? null : "%" + text.strip().toLowerCase() + "%";
  }

  public <R> Page<R> page(EntityManager em, String orderBy, PageRequest page, Function<E, R> view) {
    String entity = type.getSimpleName();
    TypedQuery<E> items =
        em.createQuery("SELECT e FROM " + entity + " e" + where + " ORDER BY " + orderBy, type);
    TypedQuery<Long> count =
        em.createQuery("SELECT COUNT(e) FROM " + entity + " e" + where, Long.class);
    parameters.forEach(
        (name, value) -> {
          items.setParameter(name, value);
          count.setParameter(name, value);
        });
    List<R> found =
        items.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList().stream()
            .map(view)
            .toList();
    return new Page<>(found, page.page(), page.size(), count.getSingleResult());
  }
}
