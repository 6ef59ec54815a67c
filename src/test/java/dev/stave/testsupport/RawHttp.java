package dev.stave.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for the requests a well-behaved client library refuses to send: a
 * path with bad percent-encoding, a header of 64 KB, a body that lies about its length. Tests of
 * what the server answers to such requests need them on the wire exactly as written.
 */
public final class RawHttp {
  /** What came back: the status, the headers (names lower-cased) and the body as text. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /**
   * A request as written on the wire: request line and header lines (CRLF-separated, no blank
   * line), then a body. Parameterized tests show it on one line.
   */
  public record Request(String head, String body) {
    @Override
    public String toString() {
      return head.replace("\r\n", " | ") + (body.isEmpty() ? "" : " + " + body.length() + " B");
    }
  }

  private final int port;

  public RawHttp(int port) {
    this.port = port;
  }

  /**
   * Sends {@code head} (request line and headers, lines separated by CRLF, without the blank line)
   * and {@code body}, adding {@code Host} and {@code Connection: close}, and reads the answer to
   * the end of the stream. Gives up after 10 seconds of silence.
   */
  public Response send(String head, byte[] body) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      String fullHead = head + "\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n";
      try {
        out.write(fullHead.getBytes(StandardCharsets.UTF_8));
        out.write(body);
        out.flush();
      } catch (IOException e) {
        // The server may answer and close before reading all of an oversized request (a request
        // line over its limit, a body over its limit): read what it said.
      }
      return parse(readAll(socket.getInputStream()));
    }
  }

  public Response send(Request request) throws IOException {
    return send(request.head(), request.body().getBytes(StandardCharsets.UTF_8));
  }

  public Response get(String target, String... headerLines) throws IOException {
    StringBuilder head = new StringBuilder("GET " + target + " HTTP/1.1");
    for (String h : headerLines) {
      head.append("\r\n").append(h);
    }
    return send(head.toString(), new byte[0]);
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        all.write(buffer, 0, n);
      }
    } catch (java.net.SocketException e) {
      // A reset after the answer (the server closed with unread body bytes): keep what arrived.
    }
    return all.toByteArray();
  }

  private static Response parse(byte[] raw) {
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IllegalStateException("no complete HTTP answer: '" + text + "'");
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(
          lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
          lines[i].substring(colon + 1).strip());
    }
    byte[] body = text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = dechunk(body);
    }
    return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOfCrlf(chunked, at);
      if (lineEnd < 0) {
        break;
      }
      String sizeText = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
      int size = Integer.parseInt(sizeText.split(";")[0].strip(), 16);
      if (size == 0) {
        break;
      }
      out.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
      at = lineEnd + 2 + size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOfCrlf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
