package dev.stave.audio;

import dev.stave.config.StaveProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The file to serve for a track in a format: the original when it already is that format (see
 * {@link AudioFormat#servedByOriginal}), else a transcode kept in {@code DATA/cache/audio}, named
 * by content hash and format so that an edited file never meets a stale rendition. Requests for a
 * rendition being made wait for that one ffmpeg run. The cache is bounded by {@code
 * stave.audio.cache-size}: after each new rendition the least recently served ones go (a hit
 * refreshes a file's time; a file being streamed stays readable after deletion).
 */
@Component
public class Renditions {
  private final Ffmpeg ffmpeg;
  private final AudioProperties props;
  private final Path cacheDir;
  private final ConcurrentHashMap<String, CompletableFuture<Path>> running =
      new ConcurrentHashMap<>();
  private final AtomicLong transcodes = new AtomicLong();

  public Renditions(Ffmpeg ffmpeg, AudioProperties props, StaveProperties stave) {
    this.ffmpeg = ffmpeg;
    this.props = props;
    this.cacheDir = stave.dataDir().resolve("cache").resolve("audio");
  }

  /** How many ffmpeg transcodes this process ran (for metrics and tests). */
  public long transcodes() {
    return transcodes.get();
  }

  /**
   * The file holding {@code file} (whose checked real path is {@code real}) in {@code format}.
   *
   * @throws AudioException when ffmpeg fails
   */
  public Path pathFor(AudioFile file, Path real, AudioFormat format) {
    if (format.servedByOriginal(file.codec(), file.container(), file.bitrateKbps())) {
      return real;
    }
    String name = file.contentHash() + "-" + format.wireName() + "." + format.extension();
    Path target = cacheDir.resolve(name);
    if (Files.isRegularFile(target)) {
      touch(target);
      return target;
    }
    CompletableFuture<Path> mine = new CompletableFuture<>();
    CompletableFuture<Path> other = running.putIfAbsent(name, mine);
    if (other != null) {
      return await(other);
    }
    try {
      if (!Files.isRegularFile(target)) { // made between the check and the claim
        transcode(real, target, format);
        evict(target);
      }
      mine.complete(target);
      return target;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      running.remove(name, mine);
    }
  }

  private static Path await(CompletableFuture<Path> f) {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof AudioException a
          ? a
          : new AudioException("transcoding failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AudioException("interrupted while waiting for a transcode", e);
    }
  }

  private void transcode(Path in, Path target, AudioFormat format) {
    try {
      Files.createDirectories(cacheDir);
      Path tmp = cacheDir.resolve(target.getFileName() + "." + UUID.randomUUID() + ".part");
      try {
        List<String> args =
            new ArrayList<>(
                List.of("-i", "file:" + in, "-map", "0:a:0", "-map_metadata", "0", "-vn"));
        args.addAll(format.encoderArgs());
        args.addAll(List.of("-f", format.muxer(), "file:" + tmp));
        transcodes.incrementAndGet();
        ffmpeg.run(args);
        if (Files.size(tmp) >= props.maxTranscodeSize().toBytes()) {
          throw new AudioException(
              "the " + format.wireName() + " rendition exceeds stave.audio.max-transcode-size");
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new AudioException("cannot write the audio cache: " + e.getMessage(), e);
    }
  }

  private static void touch(Path p) {
    try {
      Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      // Eviction order only; serving goes on.
    }
  }

  /** Deletes the least recently used renditions until the cache fits its bound. */
  private void evict(Path keep) {
    record Entry(Path path, long size, long time) {}
    List<Entry> entries = new ArrayList<>();
    try (Stream<Path> s = Files.list(cacheDir)) {
      for (Path p : s.filter(p -> !p.toString().endsWith(".part")).toList()) {
        try {
          entries.add(new Entry(p, Files.size(p), Files.getLastModifiedTime(p).toMillis()));
        } catch (IOException e) {
          // Gone meanwhile (another node evicted it).
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long total = entries.stream().mapToLong(Entry::size).sum();
    entries.sort(Comparator.comparingLong(Entry::time));
    for (Entry e : entries) {
      if (total <= props.cacheSize().toBytes()) {
        break;
      }
      if (!e.path().equals(keep)) {
        try {
          Files.deleteIfExists(e.path());
          total -= e.size();
        } catch (IOException ex) {
          // Left for the next eviction.
        }
      }
    }
  }
}
