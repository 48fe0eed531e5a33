package org.portpass.itest.web;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.portpass.itest.Api;

/**
 * The port staff's decisions, through the REST API, for the company tests (the staff screens have
 * their own browser tests): each demo port's reviewer, police and supervisor.
 */
final class Reviews {
  private Reviews() {}

  /** The open tasks of a port's stage for one form: line id → revision. */
  static List<long[]> tasks(String port, String stage, long formId) {
    String user = port.toLowerCase() + "-" + role(stage);
    JsonNode page = WebServer.api(user).get("/reviews/" + port + "/" + stage + "?size=500").json();
    List<long[]> tasks = new ArrayList<>();
    for (JsonNode task : page.path("items")) {
      if (task.path("formId").asLong() == formId) {
        tasks.add(new long[] {task.path("lineId").asLong(), task.path("revision").asLong()});
      }
    }
    return tasks;
  }

  /**
   * Approves every task of the form at the port's stage, except the given lines, which it rejects.
   */
  static int decide(String port, String stage, long formId, Set<Long> reject, String reason) {
    Api api = WebServer.api(port.toLowerCase() + "-" + role(stage));
    List<long[]> tasks = tasks(port, stage, formId);
    for (long[] task : tasks) {
      boolean no = reject.contains(task[0]);
      api.post(
              "/reviews/" + port + "/" + stage + "/lines/" + task[0],
              no
                  ? Map.of("decision", "REJECT", "reason", reason, "revision", task[1])
                  : Map.of("decision", "APPROVE", "revision", task[1]))
          .expect(200);
    }
    return tasks.size();
  }

  /** Every port approves every stage of the form's open lines. */
  static void approveAll(long formId, String... ports) {
    for (String stage : new String[] {"REVIEW", "POLICE", "SUPERVISOR"}) {
      for (String port : ports) {
        decide(port, stage, formId, Set.of(), null);
      }
    }
  }

  private static String role(String stage) {
    return switch (stage) {
      case "REVIEW" -> "reviewer";
      case "POLICE" -> "police";
      default -> "supervisor";
    };
  }
}
