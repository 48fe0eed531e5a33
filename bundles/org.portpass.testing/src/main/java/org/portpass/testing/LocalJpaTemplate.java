package org.portpass.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.TransactionRequiredException;
import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * Aries JPA's {@link JpaTemplate} over a RESOURCE_LOCAL factory, with the transaction types' JTA
 * meaning kept per thread: a nested {@code Required} or {@code Supports} joins the thread's
 * EntityManager and transaction, {@code RequiresNew} and {@code NotSupported} run on an
 * EntityManager of their own. As in Aries, the scope that began a transaction commits it (or rolls
 * it back when the work throws), and a joined scope that throws marks it rollback-only.
 */
public final class LocalJpaTemplate implements JpaTemplate, AutoCloseable {
  private final EntityManagerFactory factory;
  private final AtomicInteger open = new AtomicInteger();
  private final ThreadLocal<Deque<EntityManager>> scopes = ThreadLocal.withInitial(ArrayDeque::new);

  LocalJpaTemplate(EntityManagerFactory factory) {
    this.factory = factory;
  }

  @Override
  public <R> R txExpr(TransactionType type, EmFunction<R> code) {
    EntityManager current = scopes.get().peek();
    boolean inTransaction = current != null && current.getTransaction().isActive();
    switch (type) {
      case Required:
        if (inTransaction) {
          return joined(current, code);
        }
        return current != null ? transaction(current, code) : own(code, true);
      case RequiresNew:
        return own(code, true);
      case Mandatory:
        if (!inTransaction) {
          throw new TransactionRequiredException("Mandatory work outside a transaction");
        }
        return joined(current, code);
      case Supports:
        return current != null ? joined(current, code) : own(code, false);
      case Never:
        if (inTransaction) {
          throw new IllegalStateException("Never work inside a transaction");
        }
        return current != null ? joined(current, code) : own(code, false);
      case NotSupported:
        return own(code, false);
      default:
        throw new IllegalArgumentException("unknown transaction type " + type);
    }
  }

  @Override
  public void tx(TransactionType type, EmConsumer code) {
    txExpr(
        type,
        em -> {
          code.accept(em);
          return null;
        });
  }

  @Override
  public <R> R txExpr(EmFunction<R> code) {
    return txExpr(TransactionType.Required, code);
  }

  @Override
  public void tx(EmConsumer code) {
    tx(TransactionType.Required, code);
  }

  /**
   * Closes the factory once work still running on other threads (a service's executor that was just
   * shut down) has let go of its EntityManagers, waiting at most five seconds.
   */
  @Override
  public void close() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (open.get() > 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    if (factory.isOpen()) {
      factory.close();
    }
  }

  /** Work on a new EntityManager, closed afterwards: the thread's outer one is suspended. */
  private <R> R own(EmFunction<R> code, boolean transactional) {
    EntityManager em = factory.createEntityManager();
    open.incrementAndGet();
    scopes.get().push(em);
    try {
      return transactional ? transaction(em, code) : code.apply(em);
    } finally {
      scopes.get().pop();
      em.close();
      open.decrementAndGet();
    }
  }

  /** A transaction begun and ended here, on {@code em}. */
  private static <R> R transaction(EntityManager em, EmFunction<R> code) {
    EntityTransaction transaction = em.getTransaction();
    transaction.begin();
    try {
      R result = code.apply(em);
      transaction.commit(); // a rollback-only transaction throws RollbackException here
      return result;
    } catch (RuntimeException | Error failure) {
      if (transaction.isActive()) {
        transaction.rollback();
      }
      throw failure;
    }
  }

  /** Work inside the thread's running scope. */
  private static <R> R joined(EntityManager em, EmFunction<R> code) {
    try {
      return code.apply(em);
    } catch (RuntimeException | Error failure) {
      if (em.getTransaction().isActive()) {
        em.getTransaction().setRollbackOnly();
      }
      throw failure;
    }
  }
}
