package dev.stave.subsonic.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One element of a Subsonic answer, written once and rendered as XML or JSON ({@link
 * SubsonicRenderer}). The two formats differ in ways a generic tree cannot guess, so the element
 * says them: attributes become JSON properties (numbers and booleans unquoted), children added with
 * {@link #add} are JSON arrays even when there is one (the schema types them as lists), a child set
 * with {@link #one} is a JSON object, repeated scalar children ({@link #value}) are a JSON array of
 * scalars, and text ({@link #text}) is the JSON property {@code value}.
 */
public final class Node {
  private final String name;
  private final Map<String, Object> attributes = new LinkedHashMap<>();
  private final Map<String, List<Object>> lists = new LinkedHashMap<>();
  private final Map<String, Node> singles = new LinkedHashMap<>();
  private String text;
  private boolean bare;
  private Function<String, String> serialised;

  private Node(String name) {
    this.name = name;
  }

  public static Node of(String name) {
    return new Node(name);
  }

  public String name() {
    return name;
  }

  /**
   * A list answered without a wrapping element: the envelope holds the children of this name
   * directly, in XML several {@code <name>} elements, in JSON one array {@code "name": [...]} (as
   * {@code getOpenSubsonicExtensions} answers).
   */
  public static Node bareList(String name, List<Node> items) {
    Node n = new Node(name).addAll(name, items);
    n.bare = true;
    return n;
  }

  boolean bare() {
    return bare;
  }

  /**
   * An element already serialised: {@code serialised} gives its text for a format ({@code xml}: the
   * element; {@code json}: its value), which the renderer puts into the envelope as it is. For
   * large answers that stay the same from call to call (the artist index), kept serialised by their
   * owner; {@link SubsonicRenderer#serialise} makes the text.
   */
  public static Node serialised(String name, Function<String, String> serialised) {
    Node n = new Node(name);
    n.serialised = serialised;
    return n;
  }

  Function<String, String> serialised() {
    return serialised;
  }

  /** Sets an attribute; a null value leaves it out (optional fields are omitted, not null). */
  public Node attr(String key, Object value) {
    if (value != null) {
      attributes.put(key, value);
    }
    return this;
  }

  /** Appends {@code child} to the list of children of its name. */
  public Node add(Node child) {
    lists.computeIfAbsent(child.name, k -> new ArrayList<>()).add(child);
    return this;
  }

  /** Appends every child, declaring the list {@code name} even when there are none. */
  public Node addAll(String listName, List<Node> children) {
    List<Object> list = lists.computeIfAbsent(listName, k -> new ArrayList<>());
    list.addAll(children);
    return this;
  }

  /** Sets the single child of its name. */
  public Node one(Node child) {
    singles.put(child.name, child);
    return this;
  }

  /** Appends a scalar child: {@code <name>value</name>} in XML, an array item in JSON. */
  public Node value(String childName, Object scalar) {
    lists.computeIfAbsent(childName, k -> new ArrayList<>()).add(scalar);
    return this;
  }

  public Node text(String value) {
    this.text = value;
    return this;
  }

  Map<String, Object> attributes() {
    return attributes;
  }

  Map<String, List<Object>> lists() {
    return lists;
  }

  Map<String, Node> singles() {
    return singles;
  }

  String text() {
    return text;
  }

  /** The value of an attribute, for tests and for methods that post-process an element. */
  public Object attribute(String key) {
    return attributes.get(key);
  }
}
