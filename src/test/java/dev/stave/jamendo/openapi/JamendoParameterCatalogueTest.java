package dev.stave.jamendo.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The catalogue describes every parameter spec §8 lists for the 25 read methods, so a method added
 * later finds its parameters documented; where a name means different things, so does the
 * description.
 */
class JamendoParameterCatalogueTest {
  private static final List<String> COMMON =
      List.of("client_id", "format", "callback", "offset", "limit", "order", "fullcount");
  private static final List<String> ALBUMS =
      with(
          COMMON,
          "id name namesearch artist_id artist_name datebetween imagesize audioformat type");
  private static final List<String> ARTISTS =
      with(COMMON, "id name namesearch hasimage datebetween");
  private static final List<String> PLAYLISTS =
      with(COMMON, "id name namesearch user_id access_token user_name datebetween audioformat");
  private static final List<String> REVIEWS =
      with(COMMON, "id lang datebetween user_id access_token hasscore album_id artist_id");
  private static final List<String> USERS = with(COMMON, "id access_token name imagesize");

  /** Spec §8: each read method with every parameter it lists (inherited ones included). */
  private static final Map<String, List<String>> SPEC =
      Map.ofEntries(
          Map.entry("albums", ALBUMS),
          Map.entry("albums/file", words("client_id id audioformat")),
          Map.entry("albums/tracks", with(ALBUMS, "track_id track_name audioformat audiodlformat")),
          Map.entry("albums/musicinfo", with(ALBUMS, "tag")),
          Map.entry("artists", ARTISTS),
          Map.entry(
              "artists/tracks",
              with(
                  ARTISTS,
                  "track_id track_name track_type album_datebetween album_id album_name imagesize"
                      + " audioformat audiodlformat")),
          Map.entry(
              "artists/albums", with(ARTISTS, "album_id album_name album_datebetween imagesize")),
          Map.entry(
              "artists/locations",
              with(
                  ARTISTS,
                  "haslocation location_country location_city location_coords location_radius")),
          Map.entry("artists/musicinfo", with(ARTISTS, "tag")),
          Map.entry(
              "autocomplete",
              words("client_id format callback fullcount limit prefix entity matchcount")),
          Map.entry("feeds", with(COMMON, "id lang target type")),
          Map.entry("playlists", PLAYLISTS),
          Map.entry("playlists/file", words("client_id id audioformat")),
          Map.entry(
              "playlists/tracks",
              with(PLAYLISTS, "audioformat audiodlformat track_type imagesize positionbetween")),
          Map.entry("radios", with(COMMON, "id type name imagesize")),
          Map.entry(
              "radios/stream",
              words("client_id format callback fullcount id type name imagesize track_imagesize")),
          Map.entry("reviews/albums", REVIEWS),
          Map.entry("reviews/tracks", with(REVIEWS, "track_id audioformat audiodlformat")),
          Map.entry(
              "tracks",
              with(
                  COMMON,
                  "id name namesearch type album_id album_name artist_id artist_name"
                      + " content_id_free datebetween featured imagesize audioformat audiodlformat"
                      + " tags fuzzytags acousticelectric vocalinstrumental gender speed lang"
                      + " durationbetween xartist search prolicensing probackground ccsa ccnd ccnc"
                      + " include groupby boost")),
          Map.entry("tracks/file", words("client_id id audioformat action fullcount")),
          Map.entry(
              "tracks/similar",
              with(
                  words("client_id format callback offset limit fullcount"),
                  "imagesize audioformat audiodlformat include id no_artist no_album")),
          Map.entry("users", USERS),
          Map.entry("users/artists", with(USERS, "artist_id relation")),
          Map.entry("users/albums", with(USERS, "album_id album_imagesize relation")),
          Map.entry(
              "users/tracks",
              with(
                  COMMON,
                  "id access_token imagesize track_type track_id artist_id album_id audioformat"
                      + " audiodlformat album_imagesize relation")));

  private final JamendoParameterCatalogue catalogue = new JamendoParameterCatalogue();

  private static List<String> words(String names) {
    return List.of(names.split(" "));
  }

  private static List<String> with(List<String> base, String more) {
    List<String> all = new ArrayList<>(base);
    all.addAll(List.of(more.split(" ")));
    return all;
  }

  private ParamDoc doc(String path, String name) {
    return catalogue.find(path, name).orElseThrow(() -> new AssertionError(path + " " + name));
  }

  @Test
  void everyParameterOfTheSpecsReadMethodsIsDescribed() {
    assertThat(SPEC).hasSize(25);
    List<String> missing = new ArrayList<>();
    SPEC.forEach(
        (path, names) ->
            names.stream()
                .filter(n -> catalogue.find(path, n).isEmpty())
                .forEach(n -> missing.add(path + " " + n)));
    assertThat(missing).isEmpty();
  }

  @Test
  void aNameThatMeansDifferentThingsIsDescribedPerMethod() {
    assertThat(doc("radios", "type").values()).containsExactly("www", "pro");
    assertThat(doc("radios/stream", "type").values()).containsExactly("www", "pro");
    assertThat(doc("tracks", "type").values()).containsExactly("single", "albumtrack");
    assertThat(doc("albums/musicinfo", "type").values()).containsExactly("single", "album");
    assertThat(doc("feeds", "type").values()).contains("news", "interview");

    assertThat(doc("users/tracks", "imagesize").values()).containsExactly("30", "50", "100");
    assertThat(doc("radios/stream", "imagesize").values()).containsExactly("150", "30");
    assertThat(doc("artists/tracks", "imagesize").values()).contains("25", "600");

    assertThat(doc("albums", "audioformat").values()).containsExactly("mp32");
    assertThat(doc("albums/tracks", "audioformat").values()).contains("mp31", "flac");
    assertThat(doc("playlists/file", "audioformat").values()).containsExactly("mp32", "mp3");
    assertThat(doc("tracks/file", "audioformat").defaultValue()).isEqualTo("mp31");

    assertThat(doc("albums", "id").multi()).isTrue();
    assertThat(doc("albums/file", "id").multi()).isFalse();
    assertThat(doc("tracks/similar", "id").type()).isEqualTo("integer");
    assertThat(doc("users/tracks", "id").multi()).isFalse();
    assertThat(doc("users/albums", "id").multi()).isTrue();

    assertThat(doc("albums/tracks", "order").values()).contains("track_position_desc");
    assertThat(doc("albums", "order").values()).doesNotContain("track_position");
    assertThat(doc("tracks", "order").values()).contains("relevance", "buzzrate_desc");
    assertThat(doc("users/tracks", "relation").values())
        .containsExactly("like", "favorite", "review");
    assertThat(doc("users/artists", "relation").values()).containsExactly("fan");
  }

  @Test
  void nothingIsDescribedForANameNoMethodUses() {
    assertThat(catalogue.find("tracks", "colour")).isEmpty();
    assertThat(catalogue.find("albums", "type")).isPresent();
    assertThat(catalogue.find("users", "type")).as("type means nothing on users").isEmpty();
  }
}
