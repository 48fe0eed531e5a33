package org.portpass.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {
  private final TrustedProxies xff = TrustedProxies.of("X-Forwarded-For", "10.0.0.0/8", "::1");
  private final TrustedProxies forwarded = TrustedProxies.of("Forwarded", "10.0.0.0/8");

  @Test
  void anUntrustedPeersHeaderIsIgnored() {
    assertEquals("192.0.2.9", xff.clientAddress("192.0.2.9", List.of("198.51.100.1")));
    assertEquals("192.0.2.9", forwarded.clientAddress("192.0.2.9", List.of("for=198.51.100.1")));
    TrustedProxies none = TrustedProxies.of("X-Forwarded-For");
    assertEquals("10.0.0.1", none.clientAddress("10.0.0.1", List.of("198.51.100.1")));
  }

  @Test
  void behindATrustedProxyTheClientIsTheRightMostUntrustedAddress() {
    assertEquals("198.51.100.1", xff.clientAddress("10.0.0.1", List.of("198.51.100.1")));
    // two balancers in a row, and a client that made up a chain of its own on the left
    assertEquals(
        "198.51.100.1",
        xff.clientAddress("10.0.0.1", List.of("6.6.6.6, 7.7.7.7", "198.51.100.1, 10.2.3.4")));
    // every hop trusted: the farthest one
    assertEquals("10.9.9.9", xff.clientAddress("10.0.0.1", List.of("10.9.9.9, 10.2.3.4")));
    // a trusted proxy that forwarded nothing
    assertEquals("10.0.0.1", xff.clientAddress("10.0.0.1", List.of()));
  }

  @Test
  void aMalformedValueEndsTheWalkAtTheLastTrustedHop() {
    assertEquals("10.0.0.1", xff.clientAddress("10.0.0.1", List.of("not-an-address")));
    assertEquals("10.2.3.4", xff.clientAddress("10.0.0.1", List.of("1.1.1.1, evil, 10.2.3.4")));
    assertEquals("10.0.0.1", xff.clientAddress("10.0.0.1", List.of("")));
    assertEquals("10.0.0.1", xff.clientAddress("10.0.0.1", List.of("999.1.1.1")));
    assertEquals("10.0.0.1", xff.clientAddress("10.0.0.1", List.of("01.2.3.4")));
    assertEquals("10.0.0.1", xff.clientAddress("10.0.0.1", List.of("example.com")));
    assertEquals("10.0.0.1", forwarded.clientAddress("10.0.0.1", List.of("for=unknown")));
    assertEquals("10.0.0.1", forwarded.clientAddress("10.0.0.1", List.of("for=_hidden")));
    assertEquals("10.0.0.1", forwarded.clientAddress("10.0.0.1", List.of("proto=https")));
  }

  @Test
  void ipv6ClientsAndProxies() {
    assertEquals("2001:db8:0:0:0:0:0:1", xff.clientAddress("10.0.0.1", List.of("2001:db8::1")));
    assertEquals("198.51.100.1", xff.clientAddress("0:0:0:0:0:0:0:1", List.of("198.51.100.1")));
    assertEquals(
        "2001:db8:0:0:0:0:0:1",
        forwarded.clientAddress("10.0.0.1", List.of("for=\"[2001:db8::1]:4711\"")));
    TrustedProxies v6 = TrustedProxies.of("X-Forwarded-For", "2001:db8::/32");
    assertEquals("192.0.2.1", v6.clientAddress("2001:db8:ff::2", List.of("192.0.2.1")));
    // an untrusted peer is answered as the server saw it
    assertEquals("2001:db9::2", v6.clientAddress("2001:db9::2", List.of("192.0.2.1")));
  }

  @Test
  void forwardedElementsWithPortsParametersAndSeveralHeaders() {
    assertEquals(
        "192.0.2.60",
        forwarded.clientAddress(
            "10.0.0.1",
            List.of("for=6.6.6.6", "For=192.0.2.60:8080;proto=https;by=10.0.0.1, for=10.1.1.1")));
    assertEquals(
        "192.0.2.60", forwarded.clientAddress("10.0.0.1", List.of("for=\"192.0.2.60:8080\"")));
  }

  @Test
  void addressesAreLiteralsOnly() {
    assertEquals("192.0.2.1", TrustedProxies.address("192.0.2.1:443").getHostAddress());
    assertEquals("0:0:0:0:0:0:0:1", TrustedProxies.address("[::1]").getHostAddress());
    assertNull(TrustedProxies.address("[::1]x"));
    assertNull(TrustedProxies.address("[::1"));
    assertNull(TrustedProxies.address("localhost"));
    assertNull(TrustedProxies.address(".:"));
    assertNull(TrustedProxies.address("1:2"));
    assertNull(TrustedProxies.address(null));
  }

  @Test
  void networksAreCheckedWhenConfigured() {
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.Network.parse("10.0.0.0/33"));
    assertThrows(IllegalArgumentException.class, () -> TrustedProxies.Network.parse("lb.local"));
    TrustedProxies.Network net = TrustedProxies.Network.parse("192.168.4.0/22");
    assertEquals(true, net.contains(TrustedProxies.address("192.168.7.255")));
    assertEquals(false, net.contains(TrustedProxies.address("192.168.8.0")));
    assertEquals(
        true,
        TrustedProxies.Network.parse("0.0.0.0/0").contains(TrustedProxies.address("1.2.3.4")));
  }
}
