package dev.stave.audio;

import dev.stave.config.StaveProperties;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The file to serve for a track in a format: the original when it already is that format (see
 * {@link AudioFormat#servedByOriginal}), else a transcode kept in {@code DATA/cache/audio}, named
 * by content hash and format so that an edited file never meets a stale rendition. Requests for a
 * rendition being made wait for that one ffmpeg run, and only that run holds one of the bounded
 * transcode slots ({@link TranscodeSlots}); a cached rendition needs none. The cache is bounded by
 * {@code stave.audio.cache-size}: after each new rendition the least recently served ones go (a hit
 * refreshes a file's time). A rendition being served is leased ({@link Lease}) and never evicted
 * meanwhile, so the cache may exceed its bound by what is being streamed right now.
 */
@Component
public class Renditions {
  private final Ffmpeg ffmpeg;
  private final TranscodeSlots slots;
  private final AudioProperties props;
  private final Path cacheDir;
  private final ConcurrentHashMap<String, CompletableFuture<Path>> running =
      new ConcurrentHashMap<>();
  private final AtomicLong transcodes = new AtomicLong();
  // Leases per cached file (guarded by itself); eviction takes the same lock.
  private final Map<Path, Integer> leased = new HashMap<>();

  public Renditions(
      Ffmpeg ffmpeg, TranscodeSlots slots, AudioProperties props, StaveProperties stave) {
    this.ffmpeg = ffmpeg;
    this.slots = slots;
    this.props = props;
    this.cacheDir = stave.dataDir().resolve("cache").resolve("audio");
  }

  /** How many ffmpeg transcodes this process ran (for metrics and tests). */
  public long transcodes() {
    return transcodes.get();
  }

  /**
   * The file holding {@code file} (whose checked real path is {@code real}) in {@code format},
   * leased: eviction leaves a leased rendition in place until the lease is closed, so a response
   * that opens the file more than once (one range after another) or some time after this call never
   * finds it gone. Close the lease when the response is written.
   *
   * @throws TranscodeBusyException when a transcode is needed and no slot came free in time
   * @throws AudioException when ffmpeg fails
   */
  public Lease lease(AudioFile file, Path real, AudioFormat format) {
    if (format.servedByOriginal(file.codec(), file.container(), file.bitrateKbps())) {
      return new Lease(real, null);
    }
    String name = file.contentHash() + "-" + format.wireName() + "." + format.extension();
    Path target = cacheDir.resolve(name);
    // A rendition evicted between its transcode and its lease is made again; a few tries will do.
    for (int attempt = 0; ; attempt++) {
      synchronized (leased) {
        if (Files.isRegularFile(target)) {
          leased.merge(target, 1, Integer::sum);
          CacheDir.touch(target);
          return new Lease(target, this);
        }
      }
      if (attempt == 3) {
        throw new AudioException("the " + format.wireName() + " rendition keeps being evicted");
      }
      make(name, real, target, format);
    }
  }

  /**
   * Transcodes into {@code target}, holding a slot, unless another request is already doing it
   * (then waits for that run, without a slot of its own: the run it joins has one).
   */
  private void make(String name, Path real, Path target, AudioFormat format) {
    CompletableFuture<Path> mine = new CompletableFuture<>();
    CompletableFuture<Path> other = running.putIfAbsent(name, mine);
    if (other != null) {
      await(other);
      return;
    }
    try {
      if (!Files.isRegularFile(target)) { // made between the check and the claim
        slots.run(
            () -> {
              transcode(real, target, format);
              evict(target);
              return target;
            });
      }
      mine.complete(target);
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      running.remove(name, mine);
    }
  }

  /**
   * Streams {@code real} in {@code format} from {@code offset} on into {@code sink}, encoded live
   * while a transcode slot is held (a player resuming or starting a track part-way: the rendition
   * from there is made for this one request and not cached).
   *
   * @throws TranscodeBusyException when no slot came free in time
   * @throws AudioException when ffmpeg fails, or the client stops reading
   */
  public void streamFrom(Path real, AudioFormat format, Duration offset, OutputStream sink) {
    slots.run(
        () -> {
          transcodes.incrementAndGet();
          ffmpeg.encodeFrom(real, offset, format, sink);
          return null;
        });
  }

  private void release(Path path) {
    synchronized (leased) {
      leased.computeIfPresent(path, (p, n) -> n == 1 ? null : n - 1);
    }
  }

  /** A rendition in use: not evicted until closed. */
  public static final class Lease implements AutoCloseable {
    private final Path path;
    private final Renditions owner;
    private boolean closed;

    private Lease(Path path, Renditions owner) {
      this.path = path;
      this.owner = owner;
    }

    /** The file to read: the original or the cached transcode. */
    public Path path() {
      return path;
    }

    @Override
    public synchronized void close() {
      if (!closed && owner != null) {
        owner.release(path);
      }
      closed = true;
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

  /** Deletes the least recently used renditions, not leased, until the cache fits its bound. */
  private void evict(Path keep) {
    synchronized (leased) {
      CacheDir.trim(
          cacheDir, props.cacheSize().toBytes(), p -> p.equals(keep) || leased.containsKey(p));
    }
  }
}
