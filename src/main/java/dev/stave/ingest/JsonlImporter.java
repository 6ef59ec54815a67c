package dev.stave.ingest;

import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.Track;
import dev.stave.library.LibraryTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stave's own import format: JSON Lines, one entity per line, its kind in {@code "type"}
 * (docs/import-format.md). Lines are streamed, so files of any size import in constant memory. A
 * line may refer to entities of earlier lines or already stored; a line that refers to neither is
 * skipped and reported (the check runs per batch, see BatchWriter).
 */
@Component
class JsonlImporter implements Importer {
  private final JsonMapper json = JsonMapper.builder().build();

  @Override
  public String format() {
    return "jsonl";
  }

  @Override
  public String description() {
    return "Stave's JSON Lines format (docs/import-format.md)";
  }

  @Override
  public void read(List<Path> files, ImportSink sink) throws IOException {
    long total = 0;
    for (Path f : files) {
      total += Files.size(f);
    }
    long before = 0;
    for (Path f : files) {
      try (LineReader r = new LineReader(f)) {
        String line;
        while ((line = r.next()) != null) {
          if (line.isBlank()) {
            continue;
          }
          sink.rowRead();
          SourceRef where = SourceRef.of(f, r.line());
          try {
            ImportRecord record = parse(line, where);
            if (record != null) {
              sink.accept(record);
            }
          } catch (IllegalArgumentException e) {
            sink.skip(where, e.getMessage());
          }
          if (r.line() % 1000 == 0) {
            sink.progress(before + r.bytesRead(), total, "bytes");
          }
        }
      }
      before += Files.size(f);
    }
  }

  private ImportRecord parse(String line, SourceRef where) {
    JsonNode node;
    try {
      node = json.readTree(line);
    } catch (JacksonException e) {
      // Jackson appends a source location that means nothing to an operator: cut it off.
      String why =
          e.getOriginalMessage()
              .replaceAll("\\s+", " ")
              .replaceAll(" \\(start marker.*| at \\[Source.*", "");
      throw new IllegalArgumentException("not valid JSON: " + why, e);
    }
    JsonFields o = new JsonFields(node, "");
    String type = o.requiredText("type");
    return switch (type) {
      case "artist" -> ImportRecord.of(where, JsonlEntities.artist(o));
      case "album" -> ImportRecord.of(where, JsonlEntities.album(o));
      case "track" -> {
        // Read before the track, whose parsing refuses fields nobody asked for.
        String audio = o.text("audio");
        Track t = JsonlEntities.track(o);
        ImportRecord r = ImportRecord.of(where, t);
        yield audio == null ? r : r.withAudioPath(t.id(), AudioPathText.relative("audio", audio));
      }
      case "user" -> ImportRecord.of(where, LibraryTables.USERS, JsonlEntities.user(o));
      case "playlist" -> ImportRecord.of(where, LibraryTables.PLAYLISTS, JsonlEntities.playlist(o));
      case "review" -> ImportRecord.of(where, LibraryTables.REVIEWS, JsonlEntities.review(o));
      case "relation" -> ImportRecord.of(where, JsonlEntities.relation(o));
      case "radio" -> ImportRecord.of(where, EditorialTables.RADIOS, JsonlEntities.radio(o));
      case "feed" -> ImportRecord.of(where, EditorialTables.FEEDS, JsonlEntities.feed(o));
      default ->
          throw new IllegalArgumentException(
              "unknown type '"
                  + type
                  + "' (artist, album, track, user, playlist, review, relation, radio, feed)");
    };
  }
}
