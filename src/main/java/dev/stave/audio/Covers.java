package dev.stave.audio;

import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EntityCache;
import dev.stave.catalog.Track;
import dev.stave.config.StaveProperties;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Cover images of albums, tracks and artists, made from the audio library: the picture embedded in
 * a file (ffprobe saw it at scan time) or an image beside the files ({@code cover.jpg}, {@code
 * folder.jpg}…), resized by ffmpeg once per allowed width into {@code DATA/cache/images} and served
 * from there; that folder is bounded by {@code stave.audio.image-cache-size}, least recently served
 * pictures first out (a picture evicted is simply made again); the {@code .part} files of a stopped
 * process go at the next start, as in the audio cache ({@link CacheWriterLock}). Widths snap to the
 * nearest of Jamendo's sizes (spec §6.1). Without any picture the answer is a neutral image drawn
 * in code (a grey square with a disc), also per width.
 *
 * <ul>
 *   <li>album: the embedded picture of its first track (disc, position) that has one, else an image
 *       file in the folder of one of its tracks;
 *   <li>track: its own embedded picture, else its folder's image, else its album's cover;
 *   <li>artist: {@code artist.jpg}/{@code .png} in the folder above one of its album folders (the
 *       {@code Artist/Album/} layout), else the neutral image — an album cover is not a portrait;
 *   <li>user: always the neutral image (avatars are not kept).
 * </ul>
 */
@Component
public class Covers implements DisposableBean {
  /** Cover widths (spec §6.1: albums, tracks, artists). */
  public static final List<Integer> COVER_WIDTHS =
      List.of(25, 35, 50, 55, 60, 65, 70, 75, 85, 100, 130, 150, 200, 300, 400, 500, 600);

  /** Avatar widths (spec §6.1: users). */
  public static final List<Integer> AVATAR_WIDTHS = List.of(30, 50, 100);

  /** The width served when none is asked (spec §6.1). */
  public static final int DEFAULT_WIDTH = 300;

  static final List<String> FOLDER_IMAGES =
      List.of(
          "cover.jpg",
          "cover.jpeg",
          "cover.png",
          "folder.jpg",
          "folder.jpeg",
          "folder.png",
          "front.jpg",
          "front.png",
          "album.jpg",
          "album.png");
  static final List<String> ARTIST_IMAGES = List.of("artist.jpg", "artist.jpeg", "artist.png");

  /** An image to send (a few kB: read whole, from the cache or drawn in code). */
  public record Image(byte[] bytes, String contentType, String etag, boolean fallback) {}

  /** Where a picture comes from: a file ({@code embedded}: the audio file's attached picture). */
  private record Source(Path file, boolean embedded, String key) {}

  private final CatalogStore store;
  private final EntityCache entities;
  private final AudioFileStore files;
  private final AudioRoots roots;
  private final Ffmpeg ffmpeg;
  private final Path cacheDir;
  private final CacheWriterLock writers;
  private final long maxCacheBytes;
  private final Map<Integer, byte[]> neutral = new ConcurrentHashMap<>();

  public Covers(
      CatalogStore store,
      EntityCache entities,
      AudioFileStore files,
      AudioRoots roots,
      Ffmpeg ffmpeg,
      AudioProperties props,
      StaveProperties stave) {
    this.store = store;
    this.entities = entities;
    this.files = files;
    this.roots = roots;
    this.ffmpeg = ffmpeg;
    this.cacheDir = stave.dataDir().resolve("cache").resolve("images");
    this.maxCacheBytes = props.imageCacheSize().toBytes();
    this.writers = new CacheWriterLock(cacheDir);
    writers.sweepLeftovers();
  }

  @Override
  public void destroy() {
    writers.close();
  }

  /** The allowed width nearest to {@code asked} (the larger on a tie); null: the default. */
  public static int snap(Integer asked, List<Integer> allowed) {
    int want = asked == null ? DEFAULT_WIDTH : asked;
    return allowed.stream()
        .min(Comparator.comparingInt((Integer w) -> Math.abs(w - want)).thenComparing(w -> -w))
        .orElseThrow();
  }

  /**
   * The cover of an album, track or artist, {@code width} pixels wide (already snapped).
   *
   * @throws AudioException when ffmpeg cannot read the picture found
   */
  public Image album(long albumId, int width) {
    return render(albumSource(albumId), width);
  }

  public Image track(long trackId, int width) {
    return render(trackSource(trackId), width);
  }

  public Image artist(long artistId, int width) {
    return render(artistSource(artistId), width);
  }

  /** The neutral image, {@code width} pixels square. */
  public Image neutral(int width) {
    byte[] png = neutral.computeIfAbsent(width, Covers::draw);
    return new Image(png, "image/png", "\"neutral-" + width + "\"", true);
  }

  private Image render(Optional<Source> source, int width) {
    if (source.isEmpty()) {
      return neutral(width);
    }
    String name = sha256(source.get().key()).substring(0, 32) + "-" + width;
    Path target = cacheDir.resolve(name + ".jpg");
    // Read at once (a few kB): a picture trimmed from the cache by another request between the
    // check and the read is made again; twice is plenty.
    for (int attempt = 0; ; attempt++) {
      if (!Files.isRegularFile(target)) {
        resize(source.get(), width, target);
        CacheDir.trim(cacheDir, maxCacheBytes, target::equals);
      }
      try {
        byte[] jpeg = Files.readAllBytes(target);
        CacheDir.touch(target);
        return new Image(jpeg, "image/jpeg", "\"" + name + "\"", false);
      } catch (NoSuchFileException e) {
        if (attempt == 2) {
          throw new AudioException("the picture keeps being evicted from the cache", e);
        }
      } catch (IOException e) {
        throw new AudioException("cannot read the image cache: " + e.getMessage(), e);
      }
    }
  }

  private void resize(Source source, int width, Path target) {
    try {
      Files.createDirectories(cacheDir);
      writers.holdShared();
      Path tmp = cacheDir.resolve(target.getFileName() + "." + UUID.randomUUID() + ".part");
      try {
        ffmpeg.run(
            List.of(
                "-i",
                "file:" + source.file(),
                "-map",
                source.embedded() ? "0:v:0" : "0:0",
                "-frames:v",
                "1",
                "-vf",
                "scale=" + width + ":-2:flags=lanczos,format=yuvj420p",
                "-c:v",
                "mjpeg",
                "-q:v",
                "3",
                "-f",
                "image2",
                "-update",
                "1",
                "file:" + tmp));
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new AudioException("cannot write the image cache: " + e.getMessage(), e);
    }
  }

  private Optional<Source> albumSource(long albumId) {
    List<Track> tracks = new ArrayList<>(entities.tracks(store.trackIdsOfAlbums(List.of(albumId))));
    tracks.sort(TrackAudio.ALBUM_ORDER);
    List<AudioFile> album = new ArrayList<>();
    for (Track t : tracks) {
      files.forTrack(t.id()).ifPresent(album::add);
    }
    for (AudioFile f : album) {
      Optional<Source> embedded = embedded(f);
      if (embedded.isPresent()) {
        return embedded;
      }
    }
    return album.stream()
        .map(f -> beside(f.path().getParent(), FOLDER_IMAGES))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private Optional<Source> trackSource(long trackId) {
    Optional<AudioFile> file = files.forTrack(trackId);
    Optional<Source> own =
        file.flatMap(this::embedded)
            .or(() -> file.flatMap(f -> beside(f.path().getParent(), FOLDER_IMAGES)));
    if (own.isPresent()) {
      return own;
    }
    return entities.tracks(List.of(trackId)).stream()
        .map(Track::albumId)
        .filter(a -> a != null)
        .findFirst()
        .flatMap(this::albumSource);
  }

  private Optional<Source> artistSource(long artistId) {
    for (long trackId : store.trackIdsOfArtists(List.of(artistId))) {
      Optional<Path> albumDir = files.forTrack(trackId).map(f -> f.path().getParent());
      Optional<Source> s = albumDir.map(Path::getParent).flatMap(dir -> beside(dir, ARTIST_IMAGES));
      if (s.isPresent()) {
        return s;
      }
    }
    return Optional.empty();
  }

  private Optional<Source> embedded(AudioFile f) {
    if (!f.hasCover()) {
      return Optional.empty();
    }
    return roots
        .servable(f.path())
        .map(real -> new Source(real, true, "embedded " + f.contentHash()));
  }

  /** The first of {@code names} in {@code dir} (any case), when inside the audio roots. */
  private Optional<Source> beside(Path dir, List<String> names) {
    if (dir == null || !Files.isDirectory(dir)) {
      return Optional.empty();
    }
    List<Path> present;
    try (var s = Files.list(dir)) {
      present = s.toList();
    } catch (IOException e) {
      return Optional.empty();
    }
    for (String name : names) {
      for (Path p : present) {
        if (p.getFileName().toString().equalsIgnoreCase(name)) {
          Optional<Path> real = roots.servable(p);
          if (real.isPresent()) {
            try {
              return Optional.of(
                  new Source(
                      real.get(),
                      false,
                      "file "
                          + real.get()
                          + " "
                          + Files.size(real.get())
                          + " "
                          + Files.getLastModifiedTime(real.get()).toMillis()));
            } catch (IOException e) {
              // Gone meanwhile: try the next name.
            }
          }
        }
      }
    }
    return Optional.empty();
  }

  /** A light grey square with a darker disc: neutral, any width. */
  private static byte[] draw(int width) {
    BufferedImage img = new BufferedImage(width, width, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(new Color(0xE4E4E4));
      g.fillRect(0, 0, width, width);
      float r = width * 0.34f;
      float c = width / 2f;
      g.setColor(new Color(0xA1A1A1));
      g.fill(new java.awt.geom.Ellipse2D.Float(c - r, c - r, 2 * r, 2 * r));
      g.setColor(new Color(0xE4E4E4));
      float hole = width * 0.06f;
      g.fill(new java.awt.geom.Ellipse2D.Float(c - hole, c - hole, 2 * hole, 2 * hole));
      g.setStroke(new BasicStroke(Math.max(1f, width / 100f)));
      g.setColor(new Color(0xB8B8B8));
      float groove = width * 0.22f;
      g.draw(new java.awt.geom.Ellipse2D.Float(c - groove, c - groove, 2 * groove, 2 * groove));
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
