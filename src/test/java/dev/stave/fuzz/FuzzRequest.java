package dev.stave.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One generated request exactly as it goes on the wire. Its {@code toString} is what a failing
 * property prints for the shrunk request: method, target (path and query as sent, so that raw
 * malformed percent-encoding shows), headers and body, with control characters made visible.
 */
record FuzzRequest(String method, String target, List<String> headers, byte[] body) {
  String requestLine() {
    return method + " " + target + " HTTP/1.1";
  }

  /** The request line and header lines, separated by CRLF, without the blank line. */
  String head() {
    StringBuilder head = new StringBuilder(requestLine());
    for (String h : headers) {
      head.append("\r\n").append(h);
    }
    if (body.length > 0 || "POST".equals(method) || "PUT".equals(method)) {
      head.append("\r\nContent-Length: ").append(body.length);
    }
    return head.toString();
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("\n  ").append(method).append(' ').append(visible(target));
    for (String h : headers) {
      s.append("\n  ").append(visible(h));
    }
    if (body.length > 0) {
      String text = new String(body, StandardCharsets.UTF_8);
      s.append("\n  body (").append(body.length).append(" bytes): ");
      s.append(visible(text.length() > 600 ? text.substring(0, 600) + "…" : text));
    }
    return s.append('\n').toString();
  }

  /** Control characters as {@code \\uXXXX}, long runs shortened, so the request reads on a line. */
  static String visible(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? String.format("\\u%04X", (int) c) : String.valueOf(c));
    }
    String s = out.toString();
    return s.length() > 1200 ? s.substring(0, 1200) + "… (" + s.length() + " chars)" : s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FuzzRequest r
        && r.method.equals(method)
        && r.target.equals(target)
        && r.headers.equals(headers)
        && java.util.Arrays.equals(r.body, body);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * method.hashCode() + target.hashCode()) + java.util.Arrays.hashCode(body);
  }
}
