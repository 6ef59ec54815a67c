package dev.stave.export;

import static dev.stave.export.ServerReads.stave;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.audio.TestAudio;
import dev.stave.testsupport.CommandRun;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code stave export jsonl} → {@code stave import jsonl} into an empty data directory → the same
 * answers. The source store is a demo catalog (artists, albums, tracks, users, playlists, reviews,
 * relations, the default radios) plus a file using every field of the format (UUIDs, locations,
 * descriptions, musicinfo, flags, stats, features, tags, dated playlist entries, a scored review, a
 * feed). Checked three ways: exporting the imported copy gives the same file byte for byte; a list
 * of reads of both dialects, sent to a server on each data directory, answers the same bodies
 * (after removing what differs by design: the server's address, audio URL signatures and the client
 * id); and a gzipped export imports too.
 *
 * <p>Audio links survive the trip: track 9502 names its file in the jsonl {@code audio} field,
 * track 9500 gets its file from {@code stave scan} (by the id in its name, {@code 9500.mp3}); both
 * are exported relative to their audio root, and in the copy, imported with the same {@code
 * --audio-root}, they still stream over HTTP while track 9501, which has no file, still answers
 * empty audio URLs. A file outside every audio root is reported by the export and left out.
 */
class JsonlExportRoundTripTest {
  @TempDir Path work;

  static final String RICH =
      """
      {"type":"artist","id":9005,"uuid":"11111111-2222-4333-8444-555555555555","name":"Ana Ribeiro","idstr":"ana_ribeiro","website":"https://ana.example","join_date":"2011-03-04","image":"https://img.example/a5.jpg","spotify_id":"0OdUWJ0sBjDrqHygGUXeCF","musicbrainz_id":"5b11f4ce-a62d-471e-81fc-a69a8278c7da","popularity":0.42,"locations":[{"country":"PRT","state":"Lisboa","city":"Lisboa","latitude":38.72,"longitude":-9.14}],"descriptions":{"en":"<p>Fado.</p>","pt":"<p>Fado.</p>"}}
      {"type":"artist","id":9006,"name":"Guest"}
      {"type":"album","id":9050,"uuid":"21111111-2222-4333-8444-555555555555","name":"Lisboa à Noite","artist_ids":[9005,9006],"release_date":"2019-05","label":"Casa","album_type":"ep","upc":"012345678905","ean":"4006381333931","image":"https://img.example/al50.jpg","zip_allowed":false,"spotify_id":"1A2GTWGtFfWp7KSQTwWOyo","musicbrainz_id":"6b11f4ce-a62d-471e-81fc-a69a8278c7da","popularity":0.5,"descriptions":{"en":"Night songs"},"tags":["fado","lisbon"]}
      {"type":"track","id":9500,"uuid":"31111111-2222-4333-8444-555555555555","name":"Alfama","artist_ids":[9005,9006],"album_id":9050,"position":3,"disc":1,"duration_ms":201500,"release_date":"2019-05-17","license_url":"https://creativecommons.org/licenses/by-sa/4.0/","musicinfo":{"vocal_instrumental":"vocal","lang":"pt","gender":"female","acoustic_electric":"acoustic","speed":"low"},"lyrics":"Noite...","isrc":"PTABC1900001","spotify_id":"4iV5W9uYEdYUVa79Axb7Rh","musicbrainz_id":"7b11f4ce-a62d-471e-81fc-a69a8278c7da","popularity":0.77,"available_countries":"PT,BR","flags":{"download_allowed":false,"content_id_free":true,"featured":true,"explicit":true},"stats":{"listens_week":1,"listens_month":2,"listens_total":3,"downloads_week":4,"downloads_month":5,"downloads_total":6,"playlisted":7,"favorited":8,"likes":9,"dislikes":10,"avg_note":4.5,"note_count":11},"features":{"acousticness":0.9,"danceability":0.3,"energy":0.2,"instrumentalness":0.01,"key":9,"liveness":0.1,"loudness":-12.5,"mode":0,"speechiness":0.05,"tempo":72.5,"valence":0.25},"tags":{"genre":["fado"],"instrument":["guitar","voice"],"mood":["melancholic"]}}
      {"type":"track","id":9501,"name":"Minimal","artist_ids":[9006]}
      {"type":"track","id":9502,"name":"Take One","artist_ids":[9005],"album_id":9050,"audio":"label/take one.mp3"}
      {"type":"user","id":9001,"uuid":"41111111-2222-4333-8444-555555555555","name":"rita","dispname":"Rita","email":"rita@mail.example","lang":"pt","creation_date":"2015-06-07","image":"https://img.example/u.jpg"}
      {"type":"playlist","id":9100,"name":"Noites","user_id":9001,"creation_date":"2020-01-02","zip_allowed":false,"tracks":[{"track_id":9500,"added_date":"2020-01-03"},{"track_id":9501}]}
      {"type":"review","id":9200,"entity_type":"album","entity_id":9050,"user_id":9001,"title":"Lindo","text":"<p>Muito bom</p>","score":4.5,"lang":"pt","date_added":"2020-02-03","agree_count":2}
      {"type":"relation","user_id":9001,"relation":"fan","artist_id":9005,"updated_at":"2021-01-02 03:04:05"}
      {"type":"relation","user_id":9001,"relation":"favorite","track_id":9500,"updated_at":"2021-01-03 10:00:00"}
      {"type":"relation","user_id":9001,"relation":"myalbum","album_id":9050,"updated_at":"2021-01-04 10:00:00"}
      {"type":"radio","id":90,"name":"fado","dispname":"Fado","radio_type":"pro","image":"https://img.example/r.jpg","tags":["fado"]}
      {"type":"feed","id":70,"feed_type":"album","title":{"en":"New","fr":"Nouveau"},"text":{"en":"An album"},"subtitle":{"en":"Night"},"link":"https://ana.example/al","position":2,"langs":["en","fr"],"date_start":"2020-01-01 00:00:00","date_end":"2099-01-01 00:00:00","target":"all","join_id":9050,"image":"https://img.example/f.jpg"}
      """;

  @Test
  void anExportImportedIntoAnEmptyDirectoryAnswersEveryReadTheSame() throws Exception {
    Path a = work.resolve("a");
    Path b = work.resolve("b");
    Path rich = work.resolve("rich.jsonl");
    Path music = work.resolve("music");
    Files.writeString(rich, RICH);
    TestAudio.write(music.resolve("label/take one.mp3"), TestAudio.tone(2, 440), Map.of(), null);
    TestAudio.write(music.resolve("9500.mp3"), TestAudio.tone(2, 550), Map.of(), null);
    stave("demo", "--tracks", "300", "--data", a.toString());
    String root = "--audio-root=" + music;
    stave("import", "jsonl", rich.toString(), "--data", a.toString(), root, "--no-progress");
    stave("scan", music.toString(), "--data", a.toString(), "--no-progress");

    Path exportA = work.resolve("a.jsonl");
    CommandRun exported =
        stave("export", "jsonl", exportA.toString(), "--data", a.toString(), "--no-progress");
    assertThat(exported.out())
        .contains("Exported")
        .contains("relations")
        .contains("Audio: 2 tracks with their file, relative to " + music.toRealPath());
    stave("import", "jsonl", exportA.toString(), "--data", b.toString(), root, "--no-progress");
    Path exportB = work.resolve("b.jsonl");
    stave("export", "jsonl", exportB.toString(), "--data", b.toString(), "--no-progress");
    // Everything stored survived the trip: the copy exports to the very same file.
    assertThat(Files.readString(exportB)).isEqualTo(Files.readString(exportA));
    List<String> lines = Files.readAllLines(exportA);
    for (String type :
        List.of(
            "artist",
            "album",
            "track",
            "user",
            "playlist",
            "review",
            "relation",
            "radio",
            "feed")) {
      assertThat(lines).anyMatch(l -> l.startsWith("{\"type\":\"" + type + "\""));
    }
    // the rich lines come back as written (defaults left out, nothing lost), with their audio
    assertThat(lines)
        .contains(
            richLine(9500)
                .replace(
                    "\"musicbrainz_id\":\"7b11f4ce-a62d-471e-81fc-a69a8278c7da\",",
                    "\"musicbrainz_id\":\"7b11f4ce-a62d-471e-81fc-a69a8278c7da\","
                        + "\"audio\":\"9500.mp3\","))
        .anyMatch(
            l ->
                l.startsWith("{\"type\":\"track\",\"id\":9502,")
                    && l.endsWith("\"audio\":\"label/take one.mp3\"}"));

    Path gz = work.resolve("a.jsonl.gz");
    stave("export", "jsonl", gz.toString(), "--data", a.toString(), "--no-progress");
    try (GZIPInputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(Files.readString(exportA));
    }

    List<String> answersA = ServerReads.answers(work, a, READS);
    List<String> answersB = ServerReads.answers(work, b, READS, JsonlExportRoundTripTest::stream);
    ServerReads.assertSame(READS, answersA, answersB);

    // A file outside every audio root (its folder was a configured root, no longer) has no path
    // relative to a root: the export says so and leaves the track's audio out.
    Path elsewhere = work.resolve("elsewhere");
    TestAudio.write(elsewhere.resolve("9501.mp3"), TestAudio.tone(2, 660), Map.of(), null);
    stave("scan", "--data", a.toString(), "--stave.audio.roots=" + elsewhere, "--no-progress");
    Path again = work.resolve("again.jsonl");
    CommandRun outside =
        stave("export", "jsonl", again.toString(), "--data", a.toString(), "--no-progress");
    assertThat(outside.out())
        .contains("1 tracks whose file lies outside every audio root")
        .contains(elsewhere.toRealPath().resolve("9501.mp3") + " (track 9501)");
    assertThat(Files.readAllLines(again))
        .contains(Files.readAllLines(exportA).toArray(String[]::new));
  }

  private static String richLine(long id) {
    return RICH.lines().filter(l -> l.contains("\"id\":" + id + ",")).findFirst().orElseThrow();
  }

  /**
   * In the imported copy: the linked tracks (9500 by the scan, 9502 by the import) stream their
   * MP3; track 9501, which has no file, answers empty audio URLs and a 404 from {@code
   * tracks/file}.
   */
  private static void stream(ServerReads.Server server) throws Exception {
    JsonNode tracks =
        server
            .json("/v3.0/tracks/?client_id=CID&id=9500+9501+9502&type=single+albumtrack&order=id")
            .get("results");
    assertThat(tracks).hasSize(3);
    for (int i : new int[] {0, 2}) {
      String audio = tracks.get(i).get("audio").asString();
      assertThat(audio).as("audio of " + tracks.get(i).get("id")).isNotEmpty();
      HttpResponse<byte[]> mp3 = server.get(audio);
      assertThat(mp3.statusCode()).as(audio).isEqualTo(200);
      assertThat(mp3.headers().firstValue("content-type")).hasValue("audio/mpeg");
      assertThat(new String(mp3.body(), 0, 3, StandardCharsets.ISO_8859_1)).isEqualTo("ID3");
    }
    assertThat(tracks.get(2).get("audiodownload").asString()).isNotEmpty();
    assertThat(tracks.get(1).get("audio").asString()).isEmpty();
    assertThat(tracks.get(1).get("audiodownload").asString()).isEmpty();
    assertThat(server.get("/v3.0/tracks/file/?client_id=CID&id=9501").statusCode()).isEqualTo(404);
    assertThat(server.get("/v3.0/tracks/file/?client_id=CID&id=9502").body())
        .startsWith("ID3".getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Reads of both dialects; {@code CID} is replaced by each server's client id. */
  static final List<String> READS =
      List.of(
          "/v3.0/artists/?client_id=CID&limit=200&order=id",
          "/v3.0/artists/?client_id=CID&id=9005&fullcount=true",
          "/v3.0/artists/locations/?client_id=CID&id=9005",
          "/v3.0/artists/musicinfo/?client_id=CID&id=9005",
          "/v3.0/artists/tracks/?client_id=CID&id=9005",
          "/v3.0/albums/?client_id=CID&limit=200&order=id",
          "/v3.0/albums/tracks/?client_id=CID&id=9050",
          "/v3.0/albums/musicinfo/?client_id=CID&id=9050",
          "/v3.0/tracks/?client_id=CID&limit=200&order=id&include=licenses+musicinfo+stats+lyrics",
          "/v3.0/tracks/?client_id=CID&id=9500&include=licenses+musicinfo+stats+lyrics",
          "/v3.0/tracks/?client_id=CID&namesearch=alfama",
          "/v3.0/tracks/?client_id=CID&tags=fado&order=id",
          "/v3.0/playlists/?client_id=CID&limit=200&order=id",
          "/v3.0/playlists/tracks/?client_id=CID&id=9100",
          "/v3.0/playlists/tracks/?client_id=CID&id=1",
          "/v3.0/reviews/albums/?client_id=CID&id=9050",
          "/v3.0/reviews/tracks/?client_id=CID&limit=200",
          "/v3.0/users/?client_id=CID&id=9001+1+2+3",
          "/v3.0/users/tracks/?client_id=CID&id=9001",
          "/v3.0/users/tracks/?client_id=CID&id=1",
          "/v3.0/users/artists/?client_id=CID&id=9001",
          "/v3.0/users/albums/?client_id=CID&id=9001",
          "/v3.0/radios/?client_id=CID&limit=200",
          "/v3.0/feeds/?client_id=CID&limit=200",
          "/v1/track/31111111-2222-4333-8444-555555555555",
          "/v1/track/31111111-2222-4333-8444-555555555555/audio-features",
          "/v1/track/31111111-2222-4333-8444-555555555555/album",
          "/v1/artist/11111111-2222-4333-8444-555555555555",
          "/v1/artist/11111111-2222-4333-8444-555555555555/album",
          "/v1/album/21111111-2222-4333-8444-555555555555/track");
}
