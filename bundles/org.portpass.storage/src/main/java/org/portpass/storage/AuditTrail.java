package org.portpass.storage;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.persistence.EntityManager;
import javax.persistence.Query;
import org.portpass.core.Caller;
import org.portpass.core.Role;

/**
 * Appends an audit event through the caller's own EntityManager, so the event is written on the
 * same connection and in the same transaction as the change it describes: both commit or neither
 * does, without a second transactional resource. The table belongs to the audit bundle, which also
 * reads it ({@link org.portpass.core.AuditLog}).
 */
public final class AuditTrail {
  private static final String[] COLUMNS = {
    "occurred_at",
    "actor",
    "roles",
    "action",
    "entity_type",
    "entity_id",
    "before_state",
    "after_state",
    "client_address",
    "request_id"
  };

  private AuditTrail() {}

  public static void append(
      EntityManager em,
      Caller caller,
      String action,
      String entityType,
      String entityId,
      String before,
      String after) {
    Object[] values = {
      new Timestamp(System.currentTimeMillis()),
      cut(caller.username(), 128),
      cut(caller.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")), 255),
      cut(action, 64),
      cut(entityType, 32),
      cut(entityId, 64),
      cut(before, 2000),
      cut(after, 2000),
      cut(caller.clientAddress(), 64),
      cut(caller.requestId(), 64)
    };
    // null columns are left out: a typeless null parameter is refused by Derby
    List<String> columns = new ArrayList<>();
    List<Object> present = new ArrayList<>();
    for (int i = 0; i < COLUMNS.length; i++) {
      if (values[i] != null) {
        columns.add(COLUMNS[i]);
        present.add(values[i]);
      }
    }
    StringBuilder placeholders = new StringBuilder();
    for (int i = 1; i <= present.size(); i++) {
      placeholders.append(i == 1 ? "?" : ", ?").append(i);
    }
    Query insert =
        em.createNativeQuery(
            "INSERT INTO audit_event ("
                + String.join(", ", columns)
                + ") VALUES ("
                + placeholders
                + ")");
    for (int i = 0; i < present.size(); i++) {
      insert.setParameter(i + 1, present.get(i));
    }
    insert.executeUpdate();
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
