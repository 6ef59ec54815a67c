package dev.stave.export;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.EntityTable;
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
 */
@Component
public class JsonlExport {
  static final int PAGE = 1000;

  private final CatalogStore catalog;
  private final LibraryStore library;
  private final JsonMapper json = JsonMapper.builder().build();

  public JsonlExport(CatalogStore catalog, LibraryStore library) {
    this.catalog = catalog;
    this.library = library;
  }

  /** Called after each page: lines written so far and the total expected. */
  public interface Progress {
    void written(long lines, long total);
  }

  /** Lines written per type, in file order. */
  public record Result(Map<String, Long> lines) {
    public long total() {
      return lines.values().stream().mapToLong(Long::longValue).sum();
    }
  }

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
    try (OutputStream raw = Files.newOutputStream(partial);
        OutputStream out = target.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw;
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
      lines.put("artists", table(w, CatalogStore.ARTISTS, JsonlLines::artist, counter));
      lines.put("albums", table(w, CatalogStore.ALBUMS, JsonlLines::album, counter));
      lines.put("tracks", table(w, CatalogStore.TRACKS, JsonlLines::track, counter));
      lines.put("users", table(w, LibraryTables.USERS, JsonlLines::user, counter));
      lines.put("playlists", table(w, LibraryTables.PLAYLISTS, JsonlLines::playlist, counter));
      lines.put("reviews", table(w, LibraryTables.REVIEWS, JsonlLines::review, counter));
      lines.put("radios", table(w, EditorialTables.RADIOS, JsonlLines::radio, counter));
      lines.put("feeds", table(w, EditorialTables.FEEDS, JsonlLines::feed, counter));
      lines.put("relations", relations(w, counter));
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(
        partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return new Result(lines);
  }

  private <T> long table(
      Writer w, EntityTable<T> table, Function<T, Map<String, Object>> line, Counter counter)
      throws IOException {
    long n = 0;
    long after = 0;
    while (true) {
      List<T> page = catalog.readAfter(table, after, PAGE);
      for (T entity : page) {
        write(w, line.apply(entity));
        after = table.id(entity);
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
