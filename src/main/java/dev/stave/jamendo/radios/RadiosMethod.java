package dev.stave.jamendo.radios;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.Radio;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoOrder;
import dev.stave.jamendo.api.JamendoParams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code GET /v3.0/radios} (spec §8.15): the server's radios, filtered by id, name and type,
 * ordered by id, name or dispname. Radios are few, so they are read from the store and filtered
 * here.
 */
@Component
public class RadiosMethod implements JamendoMethod {
  /** More radios than any operator configures; the read is bounded all the same. */
  private static final int MAX_RADIOS = 10_000;

  public static final List<String> IMAGE_SIZES = List.of("150", "30");
  private static final List<String> TYPES = List.of("www", "pro");
  private static final List<String> ORDERS =
      List.of(
          "id",
          "id_asc",
          "id_desc",
          "name",
          "name_asc",
          "name_desc",
          "dispname",
          "dispname_asc",
          "dispname_desc");

  private final CatalogStore store;

  public RadiosMethod(CatalogStore store) {
    this.store = store;
  }

  @Override
  public String path() {
    return "radios";
  }

  @Override
  public Set<String> parameters() {
    return JamendoMethod.withCommon("id", "name", "type", "imagesize");
  }

  @Override
  public String itemName() {
    return "radio";
  }

  @Override
  public Result execute(JamendoParams params) {
    Stream<Radio> radios = matching(store, params);
    String size = params.oneOf("imagesize", IMAGE_SIZES).orElse("150");
    List<String> order = params.manyOf("order", ORDERS);
    JamendoParams.Paging paging = params.paging();
    boolean fullcount = params.fullcount();
    List<Radio> matching = radios.sorted(comparator(order)).toList();
    List<Map<String, Object>> page = new ArrayList<>();
    matching.stream()
        .skip(paging.offset())
        .limit(paging.limit())
        .forEach(r -> page.add(render(r, size)));
    return Result.of(page, fullcount ? (long) matching.size() : null);
  }

  /** The radios {@code id}, {@code name} and {@code type} (default {@code www}) select. */
  static Stream<Radio> matching(CatalogStore store, JamendoParams params) {
    Optional<Long> id = params.integer("id");
    Optional<String> name = params.string("name");
    String type = params.oneOf("type", TYPES).orElse("www");
    return store.readFirst(EditorialTables.RADIOS, MAX_RADIOS).stream()
        .filter(r -> id.isEmpty() || r.id() == id.get())
        .filter(r -> name.isEmpty() || r.name().equals(name.get()))
        .filter(r -> r.type().equals(type));
  }

  static Map<String, Object> render(Radio r, String size) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id()); // radios carry an integer id on the wire (spec §3.2)
    m.put("name", r.name());
    m.put("dispname", r.dispname());
    m.put("type", r.type());
    m.put("image", image(r.image(), size));
    return m;
  }

  /** The radio's image at the requested width; empty when the radio has none. */
  static String image(String image, String size) {
    if (image == null || image.isBlank()) {
      return "";
    }
    return UriComponentsBuilder.fromUriString(image)
        .replaceQueryParam("width", size)
        .build()
        .toUriString();
  }

  private static Comparator<Radio> comparator(List<String> order) {
    return JamendoOrder.comparator(
        order,
        field ->
            switch (field) {
              case "name" -> Comparator.comparing(Radio::name);
              case "dispname" ->
                  Comparator.comparing(Radio::dispname, String.CASE_INSENSITIVE_ORDER);
              default -> Comparator.comparingLong(Radio::id);
            },
        Comparator.comparingLong(Radio::id));
  }
}
