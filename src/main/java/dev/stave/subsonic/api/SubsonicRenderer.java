package dev.stave.subsonic.api;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the {@code subsonic-response} envelope around an answer's element, in the three formats
 * players ask for with {@code f}: XML (the default, namespace {@code http://subsonic.org/restapi}),
 * JSON (an object {@code subsonic-response}) and JSONP (the JSON wrapped in {@code callback(…)}).
 * Every envelope says {@code status}, the API {@code version}, the server {@code type} and {@code
 * serverVersion}, and {@code openSubsonic: true}.
 */
@Component
public class SubsonicRenderer {
  /** The Subsonic API version this server implements. */
  public static final String API_VERSION = "1.16.1";

  public static final String SERVER_TYPE = "stave";
  public static final String NAMESPACE = "http://subsonic.org/restapi";
  public static final List<String> FORMATS = List.of("xml", "json", "jsonp");

  private static final Pattern CALLBACK = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.]{0,99}");

  private final JsonMapper json = JsonMapper.builder().build();
  private final String serverVersion;

  public SubsonicRenderer() {
    String v = SubsonicRenderer.class.getPackage().getImplementationVersion();
    this.serverVersion = v == null ? "dev" : v;
  }

  /** What goes on the wire. */
  public record Rendered(String contentType, String body) {}

  public static boolean validCallback(String callback) {
    return callback != null && CALLBACK.matcher(callback).matches();
  }

  /** A successful answer: {@code content} (null for an empty one) inside the envelope. */
  public Rendered ok(Node content, String format, String callback) {
    return render("ok", content, format, callback);
  }

  /** A failed answer: the {@code error} element with the code and message. */
  public Rendered error(SubsonicException e, String format, String callback) {
    Node error =
        Node.of("error")
            .attr("code", e.code().code())
            .attr("message", e.getMessage() == null ? e.code().description() : e.getMessage());
    return render("failed", error, format, callback);
  }

  /**
   * {@code content} serialised for {@code format} as {@link #ok} would put it into the envelope:
   * the element in XML, its value in JSON (and JSONP), for {@link Node#serialised}.
   */
  public String serialise(Node content, String format) {
    if (isJson(format)) {
      return json.writeValueAsString(toJson(content));
    }
    StringBuilder xml = new StringBuilder(1024);
    toXml(content, xml);
    return xml.toString();
  }

  private static boolean isJson(String format) {
    return "json".equals(format) || "jsonp".equals(format);
  }

  private Rendered render(String status, Node content, String format, String callback) {
    if (isJson(format)) {
      ObjectNode envelope = json.createObjectNode();
      ObjectNode body = envelope.putObject("subsonic-response");
      body.put("status", status);
      body.put("version", API_VERSION);
      body.put("type", SERVER_TYPE);
      body.put("serverVersion", serverVersion);
      body.put("openSubsonic", true);
      if (content != null && content.serialised() != null) {
        // fixed fields first, then the kept text as the last property of the response object
        String fixed = json.writeValueAsString(envelope);
        String text =
            fixed.substring(0, fixed.length() - 2)
                + ",\""
                + content.name()
                + "\":"
                + content.serialised().apply("json")
                + "}}";
        return json(text, format, callback);
      }
      if (content != null && content.bare()) {
        body.set(content.name(), toJson(content).get(content.name()));
      } else if (content != null) {
        body.set(content.name(), toJson(content));
      }
      return json(json.writeValueAsString(envelope), format, callback);
    }
    StringBuilder xml = new StringBuilder(256);
    xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<subsonic-response xmlns=\"")
        .append(NAMESPACE)
        .append("\" status=\"")
        .append(status)
        .append("\" version=\"")
        .append(API_VERSION)
        .append("\" type=\"")
        .append(SERVER_TYPE)
        .append("\" serverVersion=\"");
    escape(xml, serverVersion);
    xml.append("\" openSubsonic=\"true\"");
    if (content == null) {
      xml.append("/>");
    } else {
      xml.append('>');
      if (content.serialised() != null) {
        xml.append(content.serialised().apply("xml"));
      } else if (content.bare()) {
        content.lists().values().forEach(l -> l.forEach(n -> toXml((Node) n, xml)));
      } else {
        toXml(content, xml);
      }
      xml.append("</subsonic-response>");
    }
    return new Rendered("text/xml;charset=UTF-8", xml.toString());
  }

  private static Rendered json(String text, String format, String callback) {
    if ("jsonp".equals(format) && callback != null) {
      return new Rendered("application/javascript;charset=UTF-8", callback + "(" + text + ");");
    }
    return new Rendered("application/json;charset=UTF-8", text);
  }

  private ObjectNode toJson(Node node) {
    ObjectNode o = json.createObjectNode();
    node.attributes().forEach((k, v) -> putScalar(o, k, v));
    for (Map.Entry<String, List<Object>> e : node.lists().entrySet()) {
      ArrayNode a = o.putArray(e.getKey());
      for (Object item : e.getValue()) {
        if (item instanceof Node n) {
          a.add(toJson(n));
        } else if (item instanceof Number num) {
          a.add(num.longValue());
        } else {
          a.add(String.valueOf(item));
        }
      }
    }
    node.singles().forEach((k, v) -> o.set(k, toJson(v)));
    if (node.text() != null) {
      o.put("value", node.text());
    }
    return o;
  }

  private static void putScalar(ObjectNode o, String key, Object v) {
    switch (v) {
      case Boolean b -> o.put(key, b);
      case Integer i -> o.put(key, i);
      case Long l -> o.put(key, l);
      case Double d -> o.put(key, d);
      case Float f -> o.put(key, f);
      default -> o.put(key, String.valueOf(v));
    }
  }

  private static void toXml(Node node, StringBuilder xml) {
    xml.append('<').append(node.name());
    node.attributes()
        .forEach(
            (k, v) -> {
              xml.append(' ').append(k).append("=\"");
              escape(xml, String.valueOf(v));
              xml.append('"');
            });
    boolean empty = node.lists().isEmpty() && node.singles().isEmpty() && node.text() == null;
    if (empty) {
      xml.append("/>");
      return;
    }
    xml.append('>');
    if (node.text() != null) {
      escape(xml, node.text());
    }
    for (Map.Entry<String, List<Object>> e : node.lists().entrySet()) {
      for (Object item : e.getValue()) {
        if (item instanceof Node n) {
          toXml(n, xml);
        } else {
          xml.append('<').append(e.getKey()).append('>');
          escape(xml, String.valueOf(item));
          xml.append("</").append(e.getKey()).append('>');
        }
      }
    }
    node.singles().values().forEach(n -> toXml(n, xml));
    xml.append("</").append(node.name()).append('>');
  }

  /** XML-escapes {@code s}, dropping the control characters XML 1.0 cannot carry at all. */
  private static void escape(StringBuilder out, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        case '\t' -> out.append("&#9;");
        default -> {
          if (c >= 0x20 && c != 0xFFFE && c != 0xFFFF) {
            out.append(c);
          }
        }
      }
    }
  }
}
