package org.portpass.itest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stored data survives a stop and start of the real server, and migrations do not re-run. */
class ServerRestartIT {
  @TempDir Path work;

  @Test
  void dataSurvivesARestart() throws Exception {
    try (ServerProcess server =
        ServerProcess.unpack(Path.of(System.getProperty("portpass.assembly")), work)) {
      server.configure("org.portpass.auth.bootstrap.cfg", "username", "first-admin");
      server.configure("org.portpass.auth.bootstrap.cfg", "password", "first-admin-password");
      server.start();
      Api api = new Api(server.baseUrl()).login("first-admin", "first-admin-password");
      long company =
          api.post("/companies", Samples.company(Samples.taxId(), "Restart Shipping"))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      String identity = Samples.nationalId();
      long person =
          api.post(
                  "/persons",
                  Map.of("identityNumber", identity, "nameZh", "周杰", "companyId", company))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      long photo =
          api.send(
                  HttpRequest.newBuilder(api.uri("/persons/" + person + "/attachments?type=PHOTO"))
                      .header("Content-Type", "image/png")
                      .POST(HttpRequest.BodyPublishers.ofByteArray(Samples.png())))
              .expect(201)
              .json()
              .path("id")
              .asLong();
      int changesets =
          api.get("/health").expect(200).json().path("database").path("appliedChangesets").asInt();

      server.stop();
      server.start();
      api.login("first-admin", "first-admin-password"); // the signing key survived too

      JsonNode found =
          api.get("/persons?identityNumber=" + identity).expect(200).json().path("items").path(0);
      assertEquals(person, found.path("id").asLong());
      assertEquals("周杰", found.path("nameZh").asText());
      assertEquals(company, found.path("companyId").asLong());
      assertArrayEquals(
          Samples.png(),
          api.get("/persons/" + person + "/attachments/" + photo + "/content").expect(200).bytes());
      assertEquals(
          changesets,
          api.get("/health").expect(200).json().path("database").path("appliedChangesets").asInt());
    }
  }
}
