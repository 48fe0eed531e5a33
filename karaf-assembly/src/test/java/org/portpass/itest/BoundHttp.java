package org.portpass.itest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP from a chosen local address in 127.0.0.0/8, so the server sees different clients
 * (java.net.http cannot bind its socket). One HTTP/1.0 request per connection: the answer is never
 * chunked and ends when the server closes.
 */
final class BoundHttp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final InetAddress local;
  private final int port;

  BoundHttp(String localAddress) {
    try {
      this.local = InetAddress.getByName(localAddress);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.port = Integer.getInteger("portpass.it.port");
  }

  record Reply(int status, Map<String, String> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON (" + status + "): " + body, e);
      }
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  Reply post(String path, Object body) {
    return post(path, body, Map.of());
  }

  /** A POST with extra request headers (a proxy's forwarding header, say). */
  Reply post(String path, Object body, Map<String, String> headers) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(local, 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
      socket.setSoTimeout(30_000);
      byte[] bytes = JSON.writeValueAsBytes(body);
      String head =
          "POST /api/v1"
              + path
              + " HTTP/1.0\r\nHost: 127.0.0.1:"
              + port
              + "\r\nContent-Type: application/json\r\nContent-Length: "
              + bytes.length
              + "\r\n";
      StringBuilder extra = new StringBuilder();
      headers.forEach(
          (name, value) -> extra.append(name).append(": ").append(value).append("\r\n"));
      head = head + extra + "\r\n";
      OutputStream out = socket.getOutputStream();
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Sends the bytes as they are (a request Java's clients would refuse to send) on one connection.
   */
  Reply raw(byte[] request) {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(local, 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      socket.shutdownOutput();
      return parse(socket.getInputStream().readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reply parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new AssertionError("no HTTP answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new TreeMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      StringBuilder whole = new StringBuilder();
      int at = 0;
      while (at < body.length()) {
        int eol = body.indexOf("\r\n", at);
        int size = Integer.parseInt(body.substring(at, eol).strip(), 16);
        if (size == 0) {
          break;
        }
        whole.append(body, eol + 2, eol + 2 + size);
        at = eol + 2 + size + 2;
      }
      body = whole.toString();
    }
    return new Reply(status, headers, body);
  }
}
