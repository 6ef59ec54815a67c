package dev.stave.jamendo.api;

import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.springframework.stereotype.Component;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link JamendoDocument} as {@code json}, {@code jsonpretty} or {@code xml}, and wraps
 * JSON for JSONP. JSON escapes forward slashes and non-ASCII characters the way Jamendo's PHP
 * backend does (spec §3.2), so byte-level comparisons with captured responses hold.
 *
 * <p>XML layout (the spec leaves it undocumented; see docs/jamendo-xml.md): root {@code <jamendo>},
 * then {@code <headers>} with one element per header field, then {@code <results>}. A list is
 * written as one element per item named after the singular of the list's name ({@code results} →
 * the method's entity, {@code tracks} → {@code track}, otherwise {@code item}); maps become nested
 * elements; nulls become empty elements.
 */
@Component
public class JamendoRenderer {
  public static final List<String> FORMATS = List.of("json", "jsonpretty", "xml");
  private static final Pattern CALLBACK = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.]{0,127}");

  private final JsonMapper json =
      JsonMapper.builder()
          .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
          .enable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          .build();
  private final ObjectWriter compact = json.writer();
  private final ObjectWriter pretty =
      json.writer()
          .with(
              new DefaultPrettyPrinter()
                  .withObjectIndenter(new DefaultIndenter("    ", "\n"))
                  .withArrayIndenter(new DefaultIndenter("    ", "\n")));

  /** A rendered body with its content type. */
  public record Rendered(String contentType, String body) {}

  /** True when {@code name} is a safe JavaScript function name (dots allowed for namespaces). */
  public static boolean validCallback(String name) {
    return CALLBACK.matcher(name).matches();
  }

  public Rendered render(JamendoDocument doc, String format, String callback, String entity) {
    Map<String, Object> tree = tree(doc);
    return switch (format) {
      case "xml" -> new Rendered("application/xml;charset=UTF-8", xml(tree, entity));
      case "jsonpretty" ->
          new Rendered("application/json;charset=UTF-8", pretty.writeValueAsString(tree));
      default -> {
        String body = compact.writeValueAsString(tree);
        yield callback == null
            ? new Rendered("application/json;charset=UTF-8", body)
            : new Rendered("application/javascript;charset=UTF-8", callback + "(" + body + ")");
      }
    };
  }

  private static Map<String, Object> tree(JamendoDocument doc) {
    Map<String, Object> headers = new LinkedHashMap<>();
    headers.put("status", doc.ok() ? "success" : "failed");
    headers.put("code", doc.code().code());
    headers.put("error_message", doc.ok() ? "" : doc.code().message(doc.errorDetail()));
    headers.put("warnings", String.join("; ", doc.warnings()));
    headers.put("results_count", doc.resultsCount());
    if (doc.fullcount() != null) {
      headers.put("results_fullcount", doc.fullcount());
    }
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("headers", headers);
    tree.put("results", doc.results());
    return tree;
  }

  private static String xml(Map<String, Object> tree, String entity) {
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter w = XMLOutputFactory.newInstance().createXMLStreamWriter(out);
      w.writeStartDocument("UTF-8", "1.0");
      w.writeStartElement("jamendo");
      for (Map.Entry<String, Object> e : tree.entrySet()) {
        writeXml(w, e.getKey(), e.getValue(), entity);
      }
      w.writeEndElement();
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML", e);
    }
    return out.toString();
  }

  private static void writeXml(XMLStreamWriter w, String name, Object value, String entity)
      throws XMLStreamException {
    String element = xmlName(name);
    if (value == null) {
      w.writeEmptyElement(element);
      return;
    }
    w.writeStartElement(element);
    if (value instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        writeXml(w, String.valueOf(e.getKey()), e.getValue(), entity);
      }
    } else if (value instanceof List<?> list) {
      String item = "results".equals(name) ? entity : singular(name);
      for (Object o : list) {
        writeXml(w, item, o, entity);
      }
    } else {
      w.writeCharacters(String.valueOf(value));
    }
    w.writeEndElement();
  }

  static String singular(String listName) {
    return switch (listName) {
      case "tracks", "albums", "artists", "locations", "playlists", "users", "radios", "feeds" ->
          listName.substring(0, listName.length() - 1);
      case "genres", "instruments", "vartags", "tags" ->
          listName.substring(0, listName.length() - 1);
      default -> "item";
    };
  }

  /** Keys such as language codes or sizes may not be valid XML names; prefix those. */
  private static String xmlName(String key) {
    return key.matches("[A-Za-z_][A-Za-z0-9_.-]*")
        ? key
        : "_" + key.replaceAll("[^A-Za-z0-9_.-]", "_");
  }
}
