package dev.stave.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Serves the error dispatch ({@code sendError}: a wrong HTTP method, an unparsable form body, a
 * body over the limit…) of a dialect's request with that dialect's error document, where Spring
 * Boot would forward it to {@code /error} and answer its own JSON ({@code timestamp}, {@code
 * status}, {@code path}). Requests outside the dialects (web pages, actuator) keep Spring Boot's
 * handling.
 */
public class ErrorDispatchFilter implements Filter {
  private final List<DialectErrorDocuments> dialects;

  public ErrorDispatchFilter(List<DialectErrorDocuments> dialects) {
    this.dialects = List.copyOf(dialects);
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    DialectErrorDocuments dialect = owner(dialects, uri);
    if (dialect == null || !(status instanceof Integer code) || response.isCommitted()) {
      chain.doFilter(request, response);
      return;
    }
    write(dialect.render(code, uri, ErrorReasons.forStatus(code)), (HttpServletResponse) response);
  }

  static DialectErrorDocuments owner(List<DialectErrorDocuments> dialects, String uri) {
    return dialects.stream().filter(d -> d.owns(uri)).findFirst().orElse(null);
  }

  private static void write(DialectErrorDocuments.ErrorDocument doc, HttpServletResponse response)
      throws IOException {
    byte[] body = doc.body().getBytes(StandardCharsets.UTF_8);
    response.setStatus(doc.status());
    response.setContentType(doc.contentType());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
