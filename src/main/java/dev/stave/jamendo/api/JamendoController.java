package dev.stave.jamendo.api;

import dev.stave.access.App;
import dev.stave.access.AppRegistry;
import dev.stave.access.usage.UsageRecorder;
import dev.stave.web.ApiMethodUri;
import dev.stave.web.ErrorReasons;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The single entry point of the Jamendo v3.0 read methods: {@code /v3.0/<entity>[/<subentity>]}
 * with or without a trailing slash. It parses the common parameters, checks the client id, runs the
 * method and renders the envelope. API errors travel with HTTP 200 and {@code status:"failed"}, as
 * Jamendo does (spec §3.5). The {@code .../file} methods answer success with an HTTP 302 redirect
 * and a missing or forbidden file with HTTP 404 ({@link JamendoMethod.Result#redirect}, {@link
 * JamendoMethod.Result#notFound}); their parameter errors (missing or malformed {@code id}, client
 * id) stay envelopes, where Jamendo answers HTTP 500, so that clients read one error format.
 */
// Hidden from springdoc's scan: the OpenAPI paths are generated per method (jamendo.openapi).
@Hidden
@RestController
public class JamendoController {
  private static final Logger log = LoggerFactory.getLogger(JamendoController.class);

  private final Map<String, JamendoMethod> methods;
  private final Map<String, JamendoWriteMethod> writes;
  private final AppRegistry apps;
  private final JamendoRenderer renderer;
  private final JamendoLimits limits;
  private final UsageRecorder usage;

  /** The request attribute holding the answer's code, for the usage count. */
  private static final String ANSWER_CODE = JamendoController.class.getName() + ".code";

  /** The request attribute holding the client id of the app the request was counted against. */
  private static final String APP_ID = JamendoController.class.getName() + ".app";

  public JamendoController(
      List<JamendoMethod> methods,
      List<JamendoWriteMethod> writes,
      AppRegistry apps,
      JamendoRenderer renderer,
      JamendoLimits limits,
      UsageRecorder usage) {
    this.methods =
        methods.stream().collect(Collectors.toMap(JamendoMethod::path, Function.identity()));
    this.writes =
        writes.stream().collect(Collectors.toMap(JamendoWriteMethod::path, Function.identity()));
    this.apps = apps;
    this.renderer = renderer;
    this.limits = limits;
    this.usage = usage;
  }

  @RequestMapping({
    "/v3.0/{entity}",
    "/v3.0/{entity}/",
    "/v3.0/{entity}/{sub}",
    "/v3.0/{entity}/{sub}/"
  })
  public ResponseEntity<String> handle(
      @PathVariable String entity,
      @PathVariable(required = false) String sub,
      HttpServletRequest request,
      HttpServletResponse response) {
    return handle(sub == null ? entity : entity + "/" + sub, request, response);
  }

  /**
   * No method named at all ({@code /v3.0}, {@code /v3.0/}) or a path deeper than entity/subentity:
   * the envelope with code 7, as for an unknown entity (issue 12, defect 6). The more specific
   * mappings above win for every real method.
   */
  @RequestMapping({"/v3.0", "/v3.0/", "/v3.0/**"})
  public ResponseEntity<String> noSuchMethod(
      HttpServletRequest request, HttpServletResponse response) {
    String uri = request.getRequestURI();
    return handle(uri.substring(Math.min(uri.length(), "/v3.0/".length())), request, response);
  }

  /** Answers the request, then counts it for its app's usage (the developer portal's charts). */
  private ResponseEntity<String> handle(
      String path, HttpServletRequest request, HttpServletResponse response) {
    ResponseEntity<String> answer = answer(path, request, response);
    Object code = request.getAttribute(ANSWER_CODE);
    usage.count(
        countedApp(request),
        "jamendo",
        methods.containsKey(path) || writes.containsKey(path) ? path : "unknown",
        code == null ? String.valueOf(answer.getStatusCode().value()) : code.toString(),
        code != null && code.equals(JamendoCode.RATE_LIMIT_EXCEEDED.code()));
    return answer;
  }

  /**
   * The app the request is counted against: the one its client id named once checked, else (the
   * request was refused before that, e.g. by its caller address's rate limit) the registered app
   * its {@code client_id} names, else none.
   */
  private String countedApp(HttpServletRequest request) {
    if (request.getAttribute(APP_ID) instanceof String id) {
      return id;
    }
    try {
      return apps.findRecent(request.getParameter("client_id"))
          .map(App::clientId)
          .orElse(UsageRecorder.NO_APP);
    } catch (RuntimeException unreadableParameters) {
      return UsageRecorder.NO_APP;
    }
  }

  private ResponseEntity<String> answer(
      String path, HttpServletRequest request, HttpServletResponse response) {
    JamendoMethod method = methods.get(path);
    JamendoWriteMethod write = writes.get(path);
    if (method != null || write != null) {
      ApiMethodUri.name(request, "/v3.0/" + path); // the metrics' uri tag names the method
    }
    JamendoParams params;
    try {
      params = JamendoParams.of(withBearerToken(request, method, write));
    } catch (RuntimeException e) {
      // The web server could not decode the query string or body (bad percent-encoding, over its
      // size limit, a multipart body without boundary): a type error naming the parameter where
      // it is known; HTTP 400 where no parameter could be read at all, as for the requests the
      // server refuses before any method runs (JamendoErrorDocuments).
      ErrorReasons.MalformedParameters malformed =
          ErrorReasons.malformedParameters(e).orElseThrow(() -> e);
      ResponseEntity<String> answer =
          respond(
              JamendoDocument.failure(
                  new JamendoException(JamendoCode.TYPE, malformed.reason()), new ArrayList<>()),
              "json",
              null,
              "item",
              request);
      return malformed.parameter() != null
          ? answer
          : ResponseEntity.badRequest().headers(answer.getHeaders()).body(answer.getBody());
    }
    String format = params.string("format").orElse("json");
    String itemName = method == null ? "item" : method.itemName();
    if (!JamendoRenderer.FORMATS.contains(format)) {
      return respond(
          failure(
              new JamendoException(
                  JamendoCode.FORMAT,
                  "parameter 'format' must be json, jsonpretty or xml; got '" + format + "'"),
              params),
          "json",
          null,
          itemName,
          request);
    }
    String callback = params.string("callback").orElse(null);
    if (callback != null && (!"json".equals(format) || !"GET".equals(request.getMethod()))) {
      params.warn("callback is only honoured for format=json on GET and was ignored");
      callback = null;
    }
    if (callback != null && !JamendoRenderer.validCallback(callback)) {
      return respond(
          failure(JamendoException.type("callback", "must be a JavaScript function name"), params),
          format,
          null,
          itemName,
          request);
    }
    JamendoDocument doc;
    try {
      JamendoMethod.Result result =
          write != null
              ? runWrite(write, params, request, response)
              : run(method, path, params, request, response);
      if (result.bare() != null) {
        request.setAttribute(
            ANSWER_CODE, result.bare().location() != null ? 0 : result.bare().status());
        return bare(result.bare());
      }
      doc =
          new JamendoDocument(
              JamendoCode.SUCCESS, null, params.warnings(), result.results(), result.fullcount());
    } catch (JamendoException e) {
      doc = failure(e, params);
    } catch (RuntimeException e) {
      log.error("Jamendo method {} failed", path, e);
      doc =
          failure(
              new JamendoException(JamendoCode.EXCEPTION, "the server could not answer; try again"),
              params);
    }
    return respond(doc, format, callback, itemName, request);
  }

  private JamendoMethod.Result run(
      JamendoMethod method,
      String path,
      JamendoParams params,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (method == null) {
      throw new JamendoException(
          JamendoCode.METHOD_NOT_FOUND,
          path.isEmpty()
              ? "no method named: call /v3.0/<entity>[/<subentity>], e.g. /v3.0/tracks"
              : "no method '" + path + "'");
    }
    if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
      throw new JamendoException(
          JamendoCode.HTTP_METHOD, "method '" + path + "' answers GET, not " + request.getMethod());
    }
    limits.checkCaller(request);
    App app = checkClient(params, request);
    Optional<JamendoMethod.Result> overQuota = limits.admit(app, params, request, response);
    if (overQuota.isPresent()) {
      return overQuota.get();
    }
    Set<String> accepted = new HashSet<>(method.parameters());
    params.warnUnknown(accepted);
    return method.execute(params);
  }

  /**
   * A write method (spec §9): POST only, then the caller's and the app's limits and the client id,
   * then the method itself.
   */
  private JamendoMethod.Result runWrite(
      JamendoWriteMethod write,
      JamendoParams params,
      HttpServletRequest request,
      HttpServletResponse response) {
    if (!"POST".equals(request.getMethod())) {
      throw new JamendoException(
          JamendoCode.HTTP_METHOD,
          "method '" + write.path() + "' answers POST, not " + request.getMethod());
    }
    limits.checkCaller(request);
    App app = checkClient(params, request);
    Optional<JamendoMethod.Result> overQuota = limits.admit(app, params, request, response);
    if (overQuota.isPresent()) {
      return overQuota.get();
    }
    params.warnUnknown(write.parameters());
    return write.execute(params, app);
  }

  /**
   * The request's parameters, plus an {@code Authorization: Bearer} token as {@code access_token}
   * when the method takes one and the request has no such parameter.
   */
  private static Map<String, String[]> withBearerToken(
      HttpServletRequest request, JamendoMethod method, JamendoWriteMethod write) {
    Map<String, String[]> raw = request.getParameterMap();
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    boolean takesToken =
        (method != null && method.parameters().contains("access_token"))
            || (write != null && write.parameters().contains("access_token"));
    if (!takesToken
        || header == null
        || !header.regionMatches(true, 0, "Bearer ", 0, 7)
        || raw.containsKey("access_token")) {
      return raw;
    }
    Map<String, String[]> with = new java.util.LinkedHashMap<>(raw);
    with.put("access_token", new String[] {header.substring(7).strip()});
    return with;
  }

  /** A file method's redirect or 404 (spec §3.5), with the reason as plain text. */
  private static ResponseEntity<String> bare(JamendoMethod.Bare bare) {
    ResponseEntity.BodyBuilder b =
        ResponseEntity.status(bare.status()).header(HttpHeaders.CACHE_CONTROL, "no-cache");
    if (bare.location() != null) {
      b.header(HttpHeaders.LOCATION, bare.location());
    }
    if (bare.detail() == null) {
      return b.build();
    }
    return b.header(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8").body(bare.detail());
  }

  private App checkClient(JamendoParams params, HttpServletRequest request) {
    String clientId = params.required("client_id");
    Optional<App> app = apps.findRecent(clientId);
    if (app.isEmpty()) {
      throw new JamendoException(
          JamendoCode.INVALID_CLIENT_ID, "client_id '" + clientId + "' is not a registered app");
    }
    if (!app.get().active()) {
      throw new JamendoException(
          JamendoCode.SUSPENDED_APPLICATION,
          "Your application has been suspended, please contact the operator of this server");
    }
    request.setAttribute(APP_ID, app.get().clientId());
    return app.get();
  }

  private static JamendoDocument failure(JamendoException e, JamendoParams params) {
    return JamendoDocument.failure(e, new ArrayList<>(params.warnings()));
  }

  private ResponseEntity<String> respond(
      JamendoDocument doc,
      String format,
      String callback,
      String itemName,
      HttpServletRequest request) {
    request.setAttribute(ANSWER_CODE, doc.code().code());
    JamendoRenderer.Rendered r = renderer.render(doc, format, callback, itemName);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, r.contentType())
        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
        .body(r.body());
  }
}
