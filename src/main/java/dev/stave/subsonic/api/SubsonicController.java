package dev.stave.subsonic.api;

import dev.stave.access.limits.RateLimitHeaders;
import dev.stave.access.limits.RateLimiter;
import dev.stave.access.limits.Verdict;
import dev.stave.subsonic.auth.SubsonicAuthenticator;
import dev.stave.web.ErrorReasons;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The single entry point of the Subsonic dialect: {@code /rest/<method>} and {@code
 * /rest/<method>.view}, GET or POST (a form body is read like a query string; the OpenSubsonic
 * {@code formPost} extension). In order: the parameters are read, {@code f} picks the format,
 * {@code v} and {@code c} are checked, the caller's address is counted against its limits, the
 * account is authenticated ({@link SubsonicAuthenticator}) and counted against its own limit, and
 * the method runs. Every refusal is a Subsonic error envelope in the format asked for, with HTTP
 * 200 as Subsonic servers answer (players read the code, not the status), except a rate-limit
 * refusal: HTTP 429 with {@code Retry-After} around the same envelope (code 0), which a player's
 * HTTP stack understands as "wait".
 */
@Hidden
@RestController
public class SubsonicController {
  private static final Logger log = LoggerFactory.getLogger(SubsonicController.class);
  private static final Pattern VERSION =
      Pattern.compile("(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,4}))?");

  private final Map<String, SubsonicMethods.Method> methods = new HashMap<>();
  private final SubsonicRenderer renderer;
  private final SubsonicAuthenticator auth;
  private final RateLimiter limiter;

  public SubsonicController(
      List<SubsonicMethods> groups,
      SubsonicRenderer renderer,
      SubsonicAuthenticator auth,
      RateLimiter limiter) {
    for (SubsonicMethods g : groups) {
      g.methods()
          .forEach(
              (name, m) -> {
                if (methods.put(name, m) != null) {
                  throw new IllegalStateException("Subsonic method " + name + " defined twice");
                }
              });
    }
    this.renderer = renderer;
    this.auth = auth;
    this.limiter = limiter;
  }

  /** The names of every method this server answers, for the documentation test. */
  public java.util.Set<String> methodNames() {
    return java.util.Set.copyOf(methods.keySet());
  }

  @RequestMapping(
      value = {"/rest/{method}", "/rest/{method}/"},
      method = {RequestMethod.GET, RequestMethod.POST, RequestMethod.HEAD})
  public void handle(
      @PathVariable String method, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String name = method.endsWith(".view") ? method.substring(0, method.length() - 5) : method;
    answer(name, request, response);
  }

  /**
   * {@code /rest} itself, a deeper path, or a method called with another HTTP method than GET, POST
   * or HEAD: the envelope, never Spring's error document.
   */
  @RequestMapping({"/rest", "/rest/", "/rest/**"})
  public void noSuchMethod(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!List.of("GET", "POST", "HEAD").contains(request.getMethod())) {
      response.setHeader(HttpHeaders.ALLOW, "GET, POST, HEAD");
      write(
          response,
          405,
          renderer.error(
              new SubsonicException(
                  SubsonicCode.GENERIC,
                  "HTTP method " + request.getMethod() + " is not allowed: use GET or POST"),
              "xml",
              null));
      return;
    }
    String uri = request.getRequestURI();
    answer(uri.substring(Math.min(uri.length(), "/rest/".length())), request, response);
  }

  private void answer(String name, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Map<String, String[]> params;
    try {
      params = request.getParameterMap();
    } catch (RuntimeException e) {
      ErrorReasons.MalformedParameters malformed =
          ErrorReasons.malformedParameters(e).orElseThrow(() -> e);
      write(
          response,
          200,
          renderer.error(
              new SubsonicException(SubsonicCode.GENERIC, malformed.reason()), "xml", null));
      return;
    }
    String format = first(params, "f");
    String callback = first(params, "callback");
    if (format == null) {
      format = "xml";
    }
    if (!SubsonicRenderer.FORMATS.contains(format)) {
      String asked = format;
      format = "xml";
      write(
          response,
          200,
          renderer.error(
              SubsonicException.invalid("f", "must be xml, json or jsonp", asked), format, null));
      return;
    }
    if ("jsonp".equals(format) && !SubsonicRenderer.validCallback(callback)) {
      write(
          response,
          200,
          renderer.error(
              callback == null
                  ? SubsonicException.missing("callback (for f=jsonp)")
                  : SubsonicException.invalid(
                      "callback", "must be a JavaScript function name", callback),
              "json",
              null));
      return;
    }
    Verdict caller = limiter.admitCaller(request.getRemoteAddr());
    RateLimitHeaders.write(caller, response);
    try {
      checkVersion(first(params, "v"));
      String client = first(params, "c");
      if (client == null) {
        throw SubsonicException.missing("c");
      }
      if (!caller.allowed()) {
        refuse(response, caller, format, callback);
        return;
      }
      SubsonicAuthenticator.Account account = auth.authenticate(p -> first(params, p));
      Verdict verdict = limiter.admitAccount(account.userId(), caller);
      RateLimitHeaders.write(verdict, response);
      if (!verdict.allowed()) {
        refuse(response, verdict, format, callback);
        return;
      }
      SubsonicMethods.Method m = methods.get(name);
      if (m == null) {
        throw new SubsonicException(
            SubsonicCode.NOT_FOUND,
            name.isEmpty()
                ? "No method named: call /rest/<method>, e.g. /rest/ping"
                : "Method '" + name + "' is not supported by this server");
      }
      SubsonicRequest r =
          new SubsonicRequest(
              params,
              new SubsonicRequest.Caller(account.userId(), account.name(), client),
              request,
              response);
      Node content = m.run(r);
      if (content != SubsonicRequest.WRITTEN) {
        write(response, 200, renderer.ok(content, format, callback));
      }
    } catch (SubsonicException e) {
      if (!response.isCommitted()) {
        response.resetBuffer();
        write(response, 200, renderer.error(e, format, callback));
      }
    } catch (RuntimeException e) {
      log.error("Subsonic method {} failed", name, e);
      if (!response.isCommitted()) {
        response.resetBuffer();
        write(
            response,
            200,
            renderer.error(
                new SubsonicException(
                    SubsonicCode.GENERIC, "The server could not answer; try again"),
                format,
                callback));
      }
    }
  }

  /**
   * Code 10 without {@code v}; code 20 for a client of an older major version, 30 for one newer
   * than this server's API ({@value SubsonicRenderer#API_VERSION}); code 0 for a malformed one.
   */
  static void checkVersion(String v) {
    if (v == null) {
      throw SubsonicException.missing("v");
    }
    Matcher m = VERSION.matcher(v.strip());
    if (!m.matches()) {
      throw SubsonicException.invalid("v", "must be a version such as 1.16.1", v);
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    if (major < 1) {
      throw new SubsonicException(
          SubsonicCode.CLIENT_MUST_UPGRADE,
          "Incompatible Subsonic REST protocol version " + v + ": client must upgrade to 1.x");
    }
    if (major > 1 || minor > 16) {
      throw new SubsonicException(
          SubsonicCode.SERVER_MUST_UPGRADE,
          "Incompatible Subsonic REST protocol version "
              + v
              + ": this server speaks "
              + SubsonicRenderer.API_VERSION);
    }
  }

  private void refuse(HttpServletResponse response, Verdict verdict, String format, String callback)
      throws IOException {
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(verdict.retryAfterSeconds()));
    write(
        response,
        429,
        renderer.error(
            new SubsonicException(SubsonicCode.GENERIC, verdict.refusalMessage()),
            format,
            callback));
  }

  private static String first(Map<String, String[]> params, String name) {
    String[] v = params.get(name);
    return v == null || v.length == 0 || v[0].isEmpty() ? null : v[0];
  }

  private static void write(HttpServletResponse response, int status, SubsonicRenderer.Rendered r)
      throws IOException {
    response.setStatus(status);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
    response.setContentType(r.contentType());
    response.getWriter().write(r.body());
  }
}
