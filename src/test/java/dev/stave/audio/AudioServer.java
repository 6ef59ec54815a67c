package dev.stave.audio;

import dev.stave.StaveApplication;
import dev.stave.testsupport.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stave's web server on a test store (SQLite or PostgreSQL), on a free port, with extra properties:
 * the audio endpoints over HTTP on either store. Close it to stop.
 */
final class AudioServer implements AutoCloseable {
  private final ConfigurableApplicationContext ctx;
  private final HttpClient http = HttpClient.newHttpClient();
  final int port;

  AudioServer(TestDatabase db, Map<String, String> properties) {
    Map<String, String> props = new LinkedHashMap<>(db.springProperties());
    props.put("server.port", "0");
    props.put("logging.level.root", "WARN");
    props.putAll(properties);
    List<String> args = new ArrayList<>();
    props.forEach((k, v) -> args.add("--" + k + "=" + v));
    SpringApplication app = new SpringApplication(StaveApplication.class);
    app.setWebApplicationType(WebApplicationType.SERVLET);
    ctx = app.run(args.toArray(String[]::new));
    port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
  }

  <T> T bean(Class<T> type) {
    return ctx.getBean(type);
  }

  /** GET {@code path} with a valid signature, with {@code headers} (name, value, …). */
  HttpResponse<byte[]> getSigned(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
            URI.create(
                "http://127.0.0.1:" + port + path + "?" + bean(UrlSigner.class).query(path)));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Override
  public void close() {
    ctx.close();
  }
}
