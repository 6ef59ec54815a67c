package dev.stave.export;

import dev.stave.audio.AudioRoots;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.EntityTable;
import dev.stave.catalog.Track;
import dev.stave.library.LibraryStore;
import dev.stave.library.LibraryTables;
import dev.stave.library.UserRelation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code stave export jsonl FILE}: the whole store as Stave's import format, so that importing the
 * file into an empty data directory gives a server that answers every read the same.
 *
 * <p>Lines come in the order the importer needs: artists, albums, tracks, users, playlists,
 * reviews, radios, feeds, relations. Every table is read in keyset pages of {@value #PAGE} (by id,
 * relations by user, relation and target) and each line is written as soon as it is made, so memory
 * stays constant however large the catalog. A read of each page is its own statement: an export
 * taken while the server writes is consistent per entity, not as of one instant (a backup is, see
 * {@code stave backup}).
 *
 * <p>The file is written under a temporary name beside FILE and renamed at the end, so an
 * interrupted export never leaves a FILE that looks complete. A name ending in {@code .gz} is
 * gzipped.
 *
 * <p>Each track's {@code audio} is the path of its file relative to the audio root holding it
 * ({@link ExportedAudio}), so importing the file with the same audio root links the same files.
 */
@Component
public class JsonlExport {
  static final int PAGE = 1000;

  private final CatalogStore catalog;
  private final LibraryStore library;
  private final JdbcTemplate jdbc;
  private final AudioRoots audioRoots;
  private final JsonMapper json = JsonMapper.builder().build();

  public JsonlExport(
      CatalogStore catalog, LibraryStore library, JdbcTemplate jdbc, AudioRoots audioRoots) {
    this.catalog = catalog;
    this.library = library;
    this.jdbc = jdbc;
    this.audioRoots = audioRoots;
  }

  /** Called after each page: lines written so far and the total expected. */
  public interface Progress {
    void written(long lines, long total);
  }

  /** Lines written per type, in file order, and what became of the tracks' audio links. */
  public record Result(Map<String, Long> lines, AudioLinks audio) {
    public long total() {
      return lines.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  /**
   * The tracks' {@code audio} fields: {@code linked} written relative to one of {@code roots},
   * {@code named} the path their import named (no file linked inside a root yet), and {@code
   * outside} linked to a file outside every root, for which no relative path exists ({@code
   * outsideExamples} lists the first of them: file and track).
   */
  public record AudioLinks(
      List<Path> roots, long linked, long named, long outside, List<String> outsideExamples) {}

  public Result export(Path file, Progress progress) throws IOException {
    Path target = file.toAbsolutePath();
    Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
    long total =
        catalog.count(CatalogStore.ARTISTS)
            + catalog.count(CatalogStore.ALBUMS)
            + catalog.count(CatalogStore.TRACKS)
            + catalog.count(LibraryTables.USERS)
            + catalog.count(LibraryTables.PLAYLISTS)
            + catalog.count(LibraryTables.REVIEWS)
            + catalog.count(EditorialTables.RADIOS)
            + catalog.count(EditorialTables.FEEDS)
            + library.relationCount();
    Counter counter = new Counter(progress, total);
    Map<String, Long> lines = new java.util.LinkedHashMap<>();
    ExportedAudio audio = new ExportedAudio(jdbc, audioRoots);
    try (OutputStream raw = Files.newOutputStream(partial);
        OutputStream out = target.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
      lines.put("artists", table(w, CatalogStore.ARTISTS, each(JsonlLines::artist), counter));
      lines.put("albums", table(w, CatalogStore.ALBUMS, each(JsonlLines::album), counter));
      lines.put("tracks", table(w, CatalogStore.TRACKS, page -> tracks(page, audio), counter));
      lines.put("users", table(w, LibraryTables.USERS, each(JsonlLines::user), counter));
      lines.put(
          "playlists", table(w, LibraryTables.PLAYLISTS, each(JsonlLines::playlist), counter));
      lines.put("reviews", table(w, LibraryTables.REVIEWS, each(JsonlLines::review), counter));
      lines.put("radios", table(w, EditorialTables.RADIOS, each(JsonlLines::radio), counter));
      lines.put("feeds", table(w, EditorialTables.FEEDS, each(JsonlLines::feed), counter));
      lines.put("relations", relations(w, counter));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new Result(lines, audio.report());
  }

  /** A page of tracks as lines, with the audio path of each (looked up once per page). */
  private static List<Map<String, Object>> tracks(List<Track> page, ExportedAudio audio) {
    Map<Long, String> paths = audio.paths(page.stream().map(Track::id).toList());
    return page.stream().map(t -> JsonlLines.track(t, paths.get(t.id()))).toList();
  }

  private static <T> Function<List<T>, List<Map<String, Object>>> each(
      Function<T, Map<String, Object>> line) {
    return page -> page.stream().map(line).toList();
  }

  private <T> long table(
      Writer w,
      EntityTable<T> table,
      Function<List<T>, List<Map<String, Object>>> lines,
      Counter counter)
      throws IOException {
    long n = 0;
    long after = 0;
    while (true) {
      List<T> page = catalog.readAfter(table, after, PAGE);
      for (Map<String, Object> line : lines.apply(page)) {
        write(w, line);
      }
      if (!page.isEmpty()) {
        after = table.id(page.get(page.size() - 1));
      }
      n += page.size();
      counter.add(page.size());
      if (page.size() < PAGE) {
        return n;
      }
    }
  }

  private long relations(Writer w, Counter counter) throws IOException {
    long n = 0;
    UserRelation after = null;
    while (true) {
      List<UserRelation> page = library.relationsAfter(after, PAGE);
      for (UserRelation r : page) {
        write(w, JsonlLines.relation(r));
        after = r;
      }
      n += page.size();
      counter.add(page.size());
      if (page.size() < PAGE) {
        return n;
      }
    }
  }

  private void write(Writer w, Map<String, Object> line) throws IOException {
    w.write(json.writeValueAsString(line));
    w.write('\n');
  }

  /** Lines written so far, reported after each page. */
  private static final class Counter {
    private final Progress progress;
    private final long total;
    private long lines;

    Counter(Progress progress, long total) {
      this.progress = progress;
      this.total = total;
    }

    void add(long n) {
      lines += n;
      progress.written(lines, Math.max(total, lines));
    }
  }
}
