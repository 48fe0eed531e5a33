package org.portpass.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javax.persistence.EntityManager;
import javax.persistence.RollbackException;
import javax.persistence.TransactionRequiredException;
import org.apache.aries.jpa.template.TransactionType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transaction types behave as the services expect them to under Aries JPA and JTA. */
class LocalJpaTemplateTest {
  private TestDatabase db;
  private LocalJpaTemplate jpa;

  @BeforeEach
  void open() {
    db = TestDatabase.migrated("db/testing.xml");
    jpa = db.unit("portpass-testing");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private static void insert(EntityManager em, String text) {
    em.createNativeQuery("INSERT INTO note (text) VALUES (?)")
        .setParameter(1, text)
        .executeUpdate();
  }

  private List<Object> notes() {
    return db.column("SELECT text FROM note ORDER BY text");
  }

  @Test
  void requiredCommitsWhatItWrote() {
    jpa.tx(TransactionType.Required, em -> insert(em, "a"));
    assertEquals(List.of("a"), notes());
  }

  @Test
  void nestedRequiredJoinsTheOuterTransaction() {
    jpa.tx(
        TransactionType.Required,
        outer ->
            jpa.tx(
                TransactionType.Required,
                inner -> {
                  assertSame(outer, inner);
                  assertTrue(inner.getTransaction().isActive());
                }));
  }

  @Test
  void aFailureInsideRollsBackEverythingTheTransactionWrote() {
    assertThrows(
        IllegalStateException.class,
        () ->
            jpa.tx(
                TransactionType.Required,
                em -> {
                  insert(em, "a");
                  throw new IllegalStateException("refused");
                }));
    assertEquals(List.of(), notes());
  }

  @Test
  void aJoinedScopeThatFailsDoomsTheOuterTransactionEvenWhenCaught() {
    assertThrows(
        RollbackException.class,
        () ->
            jpa.tx(
                TransactionType.Required,
                em -> {
                  insert(em, "a");
                  try {
                    jpa.tx(
                        TransactionType.Required,
                        inner -> {
                          throw new IllegalStateException("refused");
                        });
                  } catch (IllegalStateException caught) {
                    // JTA keeps the transaction rollback-only all the same
                  }
                }));
    assertEquals(List.of(), notes());
  }

  @Test
  void requiresNewCommitsOnItsOwnWhateverTheOuterDoes() {
    assertThrows(
        IllegalStateException.class,
        () ->
            jpa.tx(
                TransactionType.Required,
                outer -> {
                  insert(outer, "outer");
                  jpa.tx(
                      TransactionType.RequiresNew,
                      inner -> {
                        assertNotSame(outer, inner);
                        insert(inner, "inner");
                      });
                  throw new IllegalStateException("outer fails");
                }));
    assertEquals(List.of("inner"), notes());
  }

  @Test
  void supportsReadsWithoutATransactionAndJoinsOneThatRuns() {
    jpa.tx(TransactionType.Supports, em -> assertFalse(em.getTransaction().isActive()));
    jpa.tx(
        TransactionType.Required,
        outer ->
            jpa.tx(
                TransactionType.Supports,
                inner -> {
                  assertSame(outer, inner);
                  assertTrue(inner.getTransaction().isActive());
                }));
  }

  @Test
  void requiredInsideAReadBeginsATransactionOnTheSameEntityManager() {
    jpa.tx(
        TransactionType.Supports,
        read ->
            jpa.tx(
                TransactionType.Required,
                write -> {
                  assertSame(read, write);
                  insert(write, "a");
                }));
    assertEquals(List.of("a"), notes());
  }

  @Test
  void mandatoryNeedsARunningTransaction() {
    assertThrows(
        TransactionRequiredException.class, () -> jpa.tx(TransactionType.Mandatory, em -> {}));
    jpa.tx(
        TransactionType.Required,
        outer -> jpa.tx(TransactionType.Mandatory, inner -> assertSame(outer, inner)));
  }

  @Test
  void eachThreadHasItsOwnTransaction() throws Exception {
    jpa.tx(
        TransactionType.Required,
        em -> {
          insert(em, "main");
          Thread other =
              new Thread(() -> jpa.tx(TransactionType.Required, o -> insert(o, "other")));
          other.start();
          try {
            other.join();
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        });
    assertEquals(List.of("main", "other"), notes());
  }

  @Test
  void eachDatabaseStartsWithTheSchemaAndNoRows() {
    jpa.tx(TransactionType.Required, em -> insert(em, "a"));
    try (TestDatabase other = TestDatabase.migrated("db/testing.xml")) {
      assertEquals(List.of(), other.column("SELECT text FROM note"));
      assertEquals(1, other.number("SELECT COUNT(*) FROM databasechangelog"));
    }
    assertEquals(List.of("a"), notes());
  }
}
