package dev.stave.catalog;

import java.util.List;

/**
 * A server-side radio: a named programme drawn from the tracks carrying any of its {@code tags}.
 * {@code type} is Jamendo's radio type (e.g. {@code www}).
 */
public record Radio(
    long id, String name, String dispname, String type, String image, List<String> tags) {
  public Radio {
    if (name == null || name.isBlank() || !name.matches("[a-z0-9_-]+")) {
      throw new IllegalArgumentException("radio " + id + " needs a name of a-z, 0-9, _ or -");
    }
    dispname = dispname == null || dispname.isBlank() ? name : dispname;
    type = type == null ? "www" : type;
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
