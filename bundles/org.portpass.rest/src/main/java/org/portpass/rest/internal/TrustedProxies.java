package org.portpass.rest.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.servlet.http.HttpServletRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.portpass.rest.ClientAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client addresses behind trusted proxies. The proxy appends the address it saw to its forwarding
 * header, so reading the chain from the right, every address up to the first that is not a trusted
 * proxy's was written by a trusted hop; that first one is the client. Anything further left came
 * from the client itself and is never believed. A value that is not an IP address (a malformed
 * header, Forwarded's {@code unknown} or obfuscated names) ends the walk at the last trusted hop.
 */
@Component(service = ClientAddresses.class, configurationPid = "org.portpass.proxies")
@Designate(ocd = TrustedProxies.Config.class)
public class TrustedProxies implements ClientAddresses {
  private static final Logger LOG = LoggerFactory.getLogger(TrustedProxies.class);

  @ObjectClassDefinition(name = "PortPass trusted proxies")
  public @interface Config {
    @AttributeDefinition(
        description =
            "Addresses or CIDR networks of the proxies (load balancers) whose forwarding header is"
                + " believed, e.g. 10.0.0.0/8, 2001:db8::/32; none by default")
    String[] trustedProxies() default {};

    @AttributeDefinition(
        description = "The header the proxies write: X-Forwarded-For or Forwarded (RFC 7239)")
    String clientAddressHeader() default "X-Forwarded-For";
  }

  /** Dotted quads without leading zeros: anything else might make InetAddress ask DNS. */
  private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

  /** Starts with a hex digit or a colon and has a colon: InetAddress parses it or refuses it. */
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

  private volatile List<Network> trusted = List.of();
  private volatile boolean forwarded;

  @Activate
  public TrustedProxies(Config config) {
    modified(config);
  }

  /** For tests: proxies trusted by address or network, with the header they write. */
  static TrustedProxies of(String header, String... networks) {
    TrustedProxies proxies = new TrustedProxies(null);
    proxies.trusted = Stream.of(networks).map(Network::parse).toList();
    proxies.forwarded = header.equalsIgnoreCase("Forwarded");
    return proxies;
  }

  @Modified
  void modified(Config config) {
    if (config == null) {
      return;
    }
    List<Network> networks = new ArrayList<>();
    // a list written as one comma-separated value (as a .cfg line gives it) counts
    for (String value : config.trustedProxies()) {
      for (String network : value.split(",")) {
        if (!network.isBlank()) {
          try {
            networks.add(Network.parse(network.strip()));
          } catch (IllegalArgumentException e) {
            LOG.error("org.portpass.proxies: {} is ignored: {}", network.strip(), e.getMessage());
          }
        }
      }
    }
    String header = config.clientAddressHeader().strip();
    if (!header.equalsIgnoreCase("Forwarded") && !header.equalsIgnoreCase("X-Forwarded-For")) {
      LOG.error(
          "org.portpass.proxies: clientAddressHeader {} is neither X-Forwarded-For nor"
              + " Forwarded; X-Forwarded-For is read",
          header);
    }
    forwarded = header.equalsIgnoreCase("Forwarded");
    trusted = List.copyOf(networks);
  }

  @Override
  public String of(HttpServletRequest request) {
    String peer = request.getRemoteAddr();
    if (trusted.isEmpty() || !isTrusted(address(peer))) {
      return peer; // the usual case, and every untrusted peer: its headers are not read
    }
    String name = forwarded ? "Forwarded" : "X-Forwarded-For";
    return clientAddress(peer, Collections.list(request.getHeaders(name)));
  }

  /** The client's address, given the peer and the forwarding header's values in order. */
  String clientAddress(String peer, List<String> headerValues) {
    InetAddress hop = address(peer);
    if (hop == null || !isTrusted(hop)) {
      return peer;
    }
    List<String> chain = new ArrayList<>();
    for (String value : headerValues) {
      for (String element : value.split(",")) {
        chain.add(forwarded ? forParameter(element) : element.strip());
      }
    }
    for (int i = chain.size() - 1; i >= 0; i--) {
      InetAddress next = address(chain.get(i));
      if (next == null) {
        break; // not an address: believe no further
      }
      hop = next;
      if (!isTrusted(hop)) {
        break;
      }
    }
    return hop.getHostAddress();
  }

  private boolean isTrusted(InetAddress address) {
    return address != null && trusted.stream().anyMatch(n -> n.contains(address));
  }

  /** The {@code for} parameter of one Forwarded element, or "" when it has none. */
  private static String forParameter(String element) {
    for (String pair : element.split(";")) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase("for")) {
        String value = pair.substring(equals + 1).strip();
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
            ? value.substring(1, value.length() - 1)
            : value;
      }
    }
    return "";
  }

  /**
   * An IP address literal, with an optional port ({@code 192.0.2.1:80}, {@code [2001:db8::1]:80}),
   * or null. Only literals reach InetAddress, so nothing here asks DNS.
   */
  static InetAddress address(String text) {
    if (text == null) {
      return null;
    }
    String value = text.strip();
    if (value.startsWith("[")) {
      int close = value.indexOf(']');
      String rest = close < 0 ? "x" : value.substring(close + 1);
      if (!rest.isEmpty() && !rest.matches(":\\d{1,5}")) {
        return null;
      }
      value = value.substring(1, close);
    } else if (value.matches("[\\d.]+:\\d{1,5}")) {
      value = value.substring(0, value.indexOf(':'));
    }
    boolean ipv6 = value.contains(":") && IPV6.matcher(value).matches();
    if (!ipv6 && !IPV4.matcher(value).matches()) {
      return null;
    }
    try {
      return InetAddress.getByName(value);
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /** An address or a CIDR network. */
  record Network(byte[] prefix, int bits) {
    static Network parse(String text) {
      int slash = text.indexOf('/');
      InetAddress base = address(slash < 0 ? text : text.substring(0, slash));
      if (base == null) {
        throw new IllegalArgumentException("not an IP address or CIDR network");
      }
      int max = base.getAddress().length * 8;
      int bits = max;
      if (slash >= 0) {
        String length = text.substring(slash + 1);
        if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > max) {
          throw new IllegalArgumentException("prefix length must be 0 to " + max);
        }
        bits = Integer.parseInt(length);
      }
      return new Network(base.getAddress(), bits);
    }

    boolean contains(InetAddress address) {
      byte[] bytes = address.getAddress();
      if (bytes.length != prefix.length) {
        return false;
      }
      for (int bit = 0; bit < bits; bit++) {
        int mask = 0x80 >> (bit % 8);
        if ((bytes[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%d bytes/%d", prefix.length, bits);
    }
  }
}
