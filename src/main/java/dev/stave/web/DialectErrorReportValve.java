package dev.stave.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's error page for the requests it refuses before any servlet runs (bad percent-encoding in
 * the path, a request header over the size limit): a dialect's request gets the dialect's error
 * document instead of Tomcat's HTML page; any other request keeps that page, without server details
 * (as Spring Boot configures it when stack traces are never shown).
 */
public class DialectErrorReportValve extends ErrorReportValve {
  private final List<DialectErrorDocuments> dialects;

  public DialectErrorReportValve(List<DialectErrorDocuments> dialects) {
    this.dialects = List.copyOf(dialects);
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    String uri = request.getRequestURI();
    DialectErrorDocuments dialect = ErrorDispatchFilter.owner(dialects, uri);
    int status = response.getStatus();
    if (dialect == null || status < 400 || response.getContentWritten() > 0) {
      super.report(request, response, throwable);
      return;
    }
    if (!response.setErrorReported()) {
      return;
    }
    DialectErrorDocuments.ErrorDocument doc =
        dialect.render(status, uri, ErrorReasons.forStatus(status));
    try {
      response.setStatus(doc.status());
      response.setContentType(doc.contentType());
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      // The reporter is null when the response may no longer take a body (as in the super class).
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(doc.body());
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // The client went away or the response was committed meanwhile: nothing left to tell it.
    }
  }
}
