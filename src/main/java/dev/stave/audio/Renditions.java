package dev.stave.audio;

import dev.stave.config.StaveProperties;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The file to serve for a track in a format: the original when it already is that format (see
 * {@link AudioFormat#servedByOriginal}), else a transcode kept in {@code DATA/cache/audio}, named
 * by content hash and format so that an edited file never meets a stale rendition.
 *
 * <p>A rendition not cached yet is streamed while ffmpeg makes it ({@link #open}): the first
 * request starts one run ({@link TranscodeRun}) and reads its output as it is written, and every
 * request for the same rendition meanwhile follows that run from its first byte, so a 10-minute
 * track starts playing at once and is transcoded once. ffmpeg writes to a {@code .part} file that
 * becomes the cached rendition (an atomic rename) only when complete and ffmpeg exited 0; a failed,
 * stopped or oversized run deletes it, so no partial file is ever served as cached.
 *
 * <p>Decision: a run, once started, finishes and is cached even when every reader has gone (a
 * player that hung up usually comes back for the same track, with a range request the finished file
 * answers at once). It keeps its transcode slot ({@link TranscodeSlots}) until ffmpeg exits, so
 * runs without listeners still count against {@code stave.audio.max-concurrent-transcodes} and
 * {@code stave.audio.transcode-timeout}; only the request that starts a run takes a slot (or gets
 * {@link TranscodeBusyException}, as do the requests waiting to follow it).
 *
 * <p>The cache is bounded by {@code stave.audio.cache-size}: after each new rendition the least
 * recently served ones go (a hit refreshes a file's time). A rendition being made counts only when
 * complete, and a rendition being served is leased ({@link Lease}) and never evicted meanwhile, so
 * the cache may exceed its bound by what is being made and streamed right now.
 *
 * <p>{@code .part} and {@code .part.complete} files a stopped process left (a crash, {@code kill
 * -9} during a run) are deleted when the server starts, unless another live process uses the folder
 * ({@link CacheWriterLock} says how that is told, and why it is asked at all).
 */
@Component
public class Renditions implements MeterBinder, DisposableBean {
  private static final Logger log = LoggerFactory.getLogger(Renditions.class);

  private final Ffmpeg ffmpeg;
  private final TranscodeSlots slots;
  private final Path cacheDir;
  private final CacheWriterLock writers;
  private final long cacheSize;
  private final ConcurrentHashMap<String, TranscodeRun> running = new ConcurrentHashMap<>();
  private final AtomicLong transcodes = new AtomicLong();
  // Leases per cached file (guarded by itself); eviction takes the same lock.
  private final Map<Path, Integer> leased = new HashMap<>();

  public Renditions(
      Ffmpeg ffmpeg, TranscodeSlots slots, AudioProperties props, StaveProperties stave) {
    this.ffmpeg = ffmpeg;
    this.slots = slots;
    this.cacheSize = props.cacheSize().toBytes();
    this.cacheDir = stave.dataDir().resolve("cache").resolve("audio");
    this.writers = new CacheWriterLock(cacheDir);
    writers.sweepLeftovers();
  }

  @Override
  public void destroy() {
    writers.close();
  }

  /** How many ffmpeg transcodes this process started (for metrics and tests). */
  public long transcodes() {
    return transcodes.get();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    FunctionCounter.builder("stave.audio.transcodes.started", this, Renditions::transcodes)
        .description("ffmpeg transcodes started (requests following a running one start none)")
        .register(registry);
  }

  /** What a response sends: a complete file ({@link Lease}) or a rendition being made. */
  public sealed interface Opened extends AutoCloseable permits Lease, TranscodeRun.Reader {
    @Override
    void close();
  }

  /**
   * {@code file} (whose checked real path is {@code real}) in {@code format}, as soon as there is
   * something to send: the original or the cached rendition, leased (see {@link #lease}), or a
   * reader of the ffmpeg run making it (started by this call, or already running for another
   * request). Close it when the response is written.
   *
   * @throws TranscodeBusyException when a transcode is needed and no slot came free in time
   * @throws AudioException when ffmpeg cannot be started
   */
  public Opened open(AudioFile file, Path real, AudioFormat format) {
    if (format.servedByOriginal(file.codec(), file.container(), file.bitrateKbps())) {
      return new Lease(real, null);
    }
    String name = file.contentHash() + "-" + format.wireName() + "." + format.extension();
    Path target = cacheDir.resolve(name);
    // A rendition evicted between its transcode and its lease is made again; a few tries will do.
    for (int attempt = 0; attempt < 4; attempt++) {
      Lease cached = leaseCached(target);
      if (cached != null) {
        return cached;
      }
      TranscodeRun run = running.get(name);
      if (run == null) {
        TranscodeRun mine =
            new TranscodeRun(cacheDir.resolve(name + "." + UUID.randomUUID() + ".part"));
        run = running.putIfAbsent(name, mine);
        if (run == null) {
          run = mine;
          start(name, mine, real, target, format);
        }
      }
      TranscodeRun.Reader reader = run.attach();
      if (reader != null) {
        return reader;
      }
    }
    throw new AudioException("the " + format.wireName() + " rendition keeps being evicted");
  }

  /**
   * The complete file holding {@code file} in {@code format}, leased: eviction leaves a leased
   * rendition in place until the lease is closed, so a response that opens the file more than once
   * (one range after another) or some time after this call never finds it gone. A rendition being
   * made is waited for. Close the lease when the response is written.
   *
   * @throws TranscodeBusyException when a transcode is needed and no slot came free in time
   * @throws AudioException when ffmpeg fails
   */
  public Lease lease(AudioFile file, Path real, AudioFormat format) {
    for (int attempt = 0; attempt < 4; attempt++) {
      Opened opened = open(file, real, format);
      if (opened instanceof Lease lease) {
        return lease;
      }
      try (opened) {
        ((TranscodeRun.Reader) opened).awaitEnd();
      }
    }
    throw new AudioException("the " + format.wireName() + " rendition keeps being evicted");
  }

  private Lease leaseCached(Path target) {
    synchronized (leased) {
      if (Files.isRegularFile(target)) {
        leased.merge(target, 1, Integer::sum);
        CacheDir.touch(target);
        return new Lease(target, this);
      }
      return null;
    }
  }

  /**
   * Starts {@code run} (registered under {@code name}) on a thread of its own, holding a slot taken
   * here: the run outlives the request that started it.
   */
  private void start(String name, TranscodeRun run, Path real, Path target, AudioFormat format) {
    TranscodeSlots.Slot slot = null;
    try {
      if (Files.isRegularFile(target)) { // made between the check and the claim
        running.remove(name, run);
        run.notNeeded();
        return;
      }
      slot = slots.take();
      Files.createDirectories(cacheDir);
      writers.holdShared();
      run.open();
    } catch (IOException | RuntimeException e) {
      if (slot != null) {
        slot.close();
      }
      RuntimeException why =
          e instanceof RuntimeException r
              ? r
              : new AudioException("cannot write the audio cache: " + e.getMessage(), e);
      running.remove(name, run);
      run.failed(why);
      throw why;
    }
    TranscodeSlots.Slot held = slot;
    Thread.ofVirtual()
        .name("transcode-" + name)
        .start(() -> transcode(name, run, held, real, target, format));
  }

  private void transcode(
      String name,
      TranscodeRun run,
      TranscodeSlots.Slot slot,
      Path in,
      Path target,
      AudioFormat format) {
    try (slot) {
      List<String> args =
          new ArrayList<>(
              List.of("-i", "file:" + in, "-map", "0:a:0", "-map_metadata", "0", "-vn"));
      args.addAll(format.encoderArgs());
      args.addAll(List.of("-f", format.muxer()));
      transcodes.incrementAndGet();
      ffmpeg.transcode(args, run.sink());
      run.closeWriter();
      Files.move(withCompleteHeader(run.part(), format), target, StandardCopyOption.ATOMIC_MOVE);
      Files.deleteIfExists(run.part()); // readers still reading it keep their open channel
      evict(target);
      run.succeeded();
    } catch (IOException | RuntimeException e) {
      log.warn("{} as {}: {}", in.getFileName(), format.wireName(), e.getMessage());
      run.failed(
          e instanceof RuntimeException r
              ? r
              : new AudioException("cannot write the audio cache: " + e.getMessage(), e));
    } finally {
      running.remove(name, run);
    }
  }

  /**
   * The file to cache for a complete run. ffmpeg wrote {@code part} to a pipe, so muxers that seek
   * back at the end to complete their header left it incomplete: an MP3 has no Xing/LAME frame (a
   * player estimates a VBR file's duration from its first frame's bit rate: 13 s off on a 3-minute
   * recording) and a FLAC no total sample count. For the formats that say so ({@link
   * AudioFormat#headerCompletion}), the complete stream goes once more through ffmpeg into a
   * seekable file (about a hundredth of the transcode's time), which writes the header. The cached
   * file then differs from the bytes streamed during the run at its start, which is why a growing
   * rendition is sent under its own ETag ({@code AudioStreamController}). Other formats are cached
   * as written.
   */
  private Path withCompleteHeader(Path part, AudioFormat format) {
    List<String> codec = format.headerCompletion().orElse(null);
    if (codec == null) {
      return part;
    }
    Path complete = part.resolveSibling(part.getFileName() + ".complete");
    List<String> args =
        new ArrayList<>(
            List.of(
                "-f", format.muxer(), "-i", "file:" + part, "-map", "0:a:0", "-map_metadata", "0"));
    args.addAll(codec);
    args.addAll(List.of("-f", format.muxer(), "file:" + complete));
    try {
      ffmpeg.run(args);
      return complete;
    } catch (RuntimeException e) {
      try {
        Files.deleteIfExists(complete);
      } catch (IOException ignored) {
        // best effort: a left-over .complete file is never served, and goes at the next start
      }
      throw e;
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
  public static final class Lease implements Opened {
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

  /** Deletes the least recently used renditions, not leased, until the cache fits its bound. */
  private void evict(Path keep) {
    synchronized (leased) {
      CacheDir.trim(cacheDir, cacheSize, p -> p.equals(keep) || leased.containsKey(p));
    }
  }
}
