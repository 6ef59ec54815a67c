package dev.stave.ingest;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small element tree, read for one artist at a time while the rest of the dump is streamed: it
 * keeps memory flat however large the file, and lets the mapping code look fields up by name.
 */
record XmlNode(String name, String text, List<XmlNode> children, long line) {

  /** Reads the element the reader is positioned on (START_ELEMENT) up to its END_ELEMENT. */
  static XmlNode read(XMLStreamReader r) throws XMLStreamException {
    String name = r.getLocalName();
    long line = r.getLocation().getLineNumber();
    StringBuilder text = new StringBuilder();
    List<XmlNode> children = new ArrayList<>();
    while (r.hasNext()) {
      int event = r.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> children.add(read(r));
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
        case XMLStreamConstants.END_ELEMENT -> {
          return new XmlNode(name, text.toString().strip(), children, line);
        }
        default -> {
          // comments, processing instructions, whitespace: nothing to keep
        }
      }
    }
    throw new XMLStreamException("end of file inside <" + name + ">");
  }

  /** Text of the first child with that name; null when absent or empty. */
  String get(String child) {
    for (XmlNode c : children) {
      if (c.name.equals(child)) {
        return c.text.isEmpty() ? null : c.text;
      }
    }
    return null;
  }

  XmlNode child(String child) {
    for (XmlNode c : children) {
      if (c.name.equals(child)) {
        return c;
      }
    }
    return null;
  }

  /** The items of a container: {@code all("Albums", "album")}. */
  List<XmlNode> all(String container, String item) {
    XmlNode c = child(container);
    if (c == null) {
      return List.of();
    }
    return c.children.stream().filter(n -> n.name.equals(item)).toList();
  }
}
