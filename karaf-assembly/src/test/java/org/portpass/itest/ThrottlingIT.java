package org.portpass.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.inject.Inject;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;
import org.portpass.core.Role;

/**
 * Login throttling that an attacker cannot turn against users: failures count per user name and
 * client address, so 1,000 wrong passwords for an administrator from one address lock that address
 * out for that name only, and the administrator logs in at once from another; an address failing
 * for many names is slowed as a whole, and only it; every lock and release is audited. Clients are
 * told apart by binding their sockets to addresses in 127.0.0.0/8.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ThrottlingIT {
  @Inject ConfigurationAdmin configurations;

  private final Api api = Api.local();

  /**
   * The load balancer in front of the server in {@link
   * #throttlingCountsTheClientBehindATrustedProxy}.
   */
  private static final String PROXY = "127.0.0.9";

  @Configuration
  public Option[] config() {
    return OptionUtils.combine(
        PortPassContainer.options(),
        editConfigurationFilePut("etc/org.portpass.proxies.cfg", "trustedProxies", PROXY + "/32"));
  }

  @Before
  public void ready() throws InterruptedException {
    api.awaitHealthy();
  }

  @Test
  public void anAttackerCannotLockTheAdministratorOut() {
    String admin = "throttle-admin-" + UUID.randomUUID().toString().substring(0, 8);
    Accounts.ensure(admin, Set.of(Role.ADMIN), null, Set.of());
    BoundHttp attacker = new BoundHttp("127.0.0.2");
    Map<Integer, Integer> answers = new TreeMap<>();
    long start = System.nanoTime();
    for (int i = 0; i < 1000; i++) {
      BoundHttp.Reply reply =
          attacker.post("/auth/login", Map.of("username", admin, "password", "wrong-" + i));
      answers.merge(reply.status(), 1, Integer::sum);
    }
    long attackMillis = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "1000 wrong passwords from 127.0.0.2 in " + attackMillis + " ms: answers " + answers);
    // 5 failures are checked, then the pair is locked (and a lock that runs out lets one more in)
    int checked = answers.getOrDefault(401, 0);
    assertTrue(answers.toString(), checked >= 5 && checked <= 8);
    assertEquals(answers.toString(), 1000 - checked, (int) answers.getOrDefault(429, 0));

    start = System.nanoTime();
    BoundHttp.Reply owner =
        new BoundHttp("127.0.0.3")
            .post("/auth/login", Map.of("username", admin, "password", Accounts.PASSWORD));
    long ownerMillis = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "the right password from 127.0.0.3: " + owner.status() + " in " + ownerMillis + " ms");
    assertEquals(owner.body(), 200, owner.status());
    assertTrue(owner.json().path("token").asText().length() > 20);
    assertTrue("logging in took " + ownerMillis + " ms", ownerMillis < 5_000);

    // the attacking address is still slowed, even with the right password
    BoundHttp.Reply slowed =
        attacker.post("/auth/login", Map.of("username", admin, "password", Accounts.PASSWORD));
    assertEquals(slowed.body(), 429, slowed.status());
    assertEquals("application/problem+json", slowed.header("Content-Type"));
    assertNotNull(slowed.header("Retry-After"));
    assertTrue(slowed.header("Retry-After"), Long.parseLong(slowed.header("Retry-After")) >= 1);

    Api auditor = api.anonymous().login(admin, Accounts.PASSWORD);
    JsonNode locks = auditor.get("/audit?action=auth.lock&entityId=" + admin).expect(200).json();
    assertTrue(locks.toString(), locks.path("total").asInt() >= 1);
    assertTrue(
        locks.toString(), locks.path("items").path(0).path("after").asText().contains("127.0.0.2"));
    assertEquals("127.0.0.2", locks.path("items").path(0).path("clientAddress").asText());
  }

  @Test
  public void anAddressFailingForManyNamesIsSlowedAloneAndLocksRunOut() throws Exception {
    String user = "throttle-user-" + UUID.randomUUID().toString().substring(0, 8);
    Accounts.ensure(user, Set.of(Role.CUSTOMER_SERVICE), null, Set.of());
    org.osgi.service.cm.Configuration cfg =
        configurations.getConfiguration("org.portpass.auth", null);
    Dictionary<String, Object> old = cfg.getProperties();
    Dictionary<String, Object> fast = new Hashtable<>();
    fast.put("lockSeconds", 2);
    fast.put("maxFailuresPerAddress", 12);
    cfg.update(fast);
    try {
      Thread.sleep(2_000); // the login service takes the new settings asynchronously
      BoundHttp spray = new BoundHttp("127.0.0.4");
      for (int i = 0; i < 12; i++) {
        spray
            .post(
                "/auth/login",
                Map.of("username", "nobody-" + i + "-" + user, "password", "wrong-password"))
            .status();
      }
      BoundHttp.Reply slowed =
          spray.post("/auth/login", Map.of("username", user, "password", Accounts.PASSWORD));
      assertEquals(slowed.body(), 429, slowed.status());
      BoundHttp.Reply elsewhere =
          new BoundHttp("127.0.0.5")
              .post("/auth/login", Map.of("username", user, "password", Accounts.PASSWORD));
      assertEquals(elsewhere.body(), 200, elsewhere.status());

      // a lock runs out by itself: the release is audited and the right password works again
      Thread.sleep(2_500);
      BoundHttp.Reply again =
          spray.post("/auth/login", Map.of("username", user, "password", Accounts.PASSWORD));
      assertEquals(again.body(), 200, again.status());
      Api auditor = api.anonymous().login(user, Accounts.PASSWORD);
      JsonNode unlocks =
          auditor.get("/audit?action=auth.unlock&entityId=127.0.0.4").expect(200).json();
      assertEquals(unlocks.toString(), 1, unlocks.path("total").asInt());
      assertEquals("address", unlocks.path("items").path(0).path("entityType").asText());
      JsonNode locks = auditor.get("/audit?action=auth.lock&entityId=127.0.0.4").expect(200).json();
      assertEquals(locks.toString(), 1, locks.path("total").asInt());
    } finally {
      if (old == null) {
        cfg.delete();
      } else {
        cfg.update(old);
      }
    }
  }

  /**
   * Behind a trusted proxy, failures count per forwarded client (the right-most address of
   * X-Forwarded-For that is not the proxy's), and the audit trail names that client; from any other
   * peer the header is ignored, so a client cannot pick the address it is counted under.
   */
  @Test
  public void throttlingCountsTheClientBehindATrustedProxy() {
    String user = "proxied-user-" + UUID.randomUUID().toString().substring(0, 8);
    Accounts.ensure(user, Set.of(Role.CUSTOMER_SERVICE), null, Set.of());
    BoundHttp proxy = new BoundHttp(PROXY);
    Map<String, String> wrong = Map.of("username", user, "password", "wrong-password");
    Map<String, String> right = Map.of("username", user, "password", Accounts.PASSWORD);
    // a client's own made-up entry on the left is not believed: the proxy appended 198.51.100.7
    Map<String, String> attacker = Map.of("X-Forwarded-For", "203.0.113.1, 198.51.100.7");
    for (int i = 0; i < 5; i++) {
      assertEquals(401, proxy.post("/auth/login", wrong, attacker).status());
    }
    BoundHttp.Reply locked =
        proxy.post("/auth/login", right, Map.of("X-Forwarded-For", "198.51.100.7"));
    assertEquals(locked.body(), 429, locked.status());
    BoundHttp.Reply neighbour =
        proxy.post("/auth/login", right, Map.of("X-Forwarded-For", "198.51.100.8"));
    assertEquals("another client behind the same proxy", 200, neighbour.status());
    Api auditor = api.anonymous().login(user, Accounts.PASSWORD);
    JsonNode locks = auditor.get("/audit?action=auth.lock&entityId=" + user).expect(200).json();
    assertEquals(locks.toString(), 1, locks.path("total").asInt());
    assertEquals("198.51.100.7", locks.path("items").path(0).path("clientAddress").asText());
    assertEquals(
        "the audit names the forwarded client",
        "198.51.100.8",
        auditor
            .get("/audit?action=auth.login&entityId=" + user)
            .expect(200)
            .json()
            .path("items")
            .findValuesAsText("clientAddress")
            .stream()
            .filter(a -> !a.equals("127.0.0.1"))
            .findFirst()
            .orElse(null));

    // from a peer that is not a trusted proxy the header counts for nothing
    BoundHttp spoofer = new BoundHttp("127.0.0.6");
    Map<String, String> spoofed = Map.of("X-Forwarded-For", "198.51.100.9");
    for (int i = 0; i < 5; i++) {
      assertEquals(401, spoofer.post("/auth/login", wrong, spoofed).status());
    }
    assertEquals(429, spoofer.post("/auth/login", right, Map.of()).status());
    BoundHttp.Reply named =
        proxy.post("/auth/login", right, Map.of("X-Forwarded-For", "198.51.100.9"));
    assertEquals("the spoofed address was never counted", 200, named.status());
    JsonNode spoofLock = auditor.get("/audit?action=auth.lock&entityId=" + user).expect(200).json();
    assertTrue(spoofLock.toString(), spoofLock.toString().contains("127.0.0.6"));
    assertTrue(spoofLock.toString(), !spoofLock.toString().contains("198.51.100.9"));
  }
}
