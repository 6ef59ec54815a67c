package dev.stave.audio;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Bounds the ffmpeg transcodes running at once to {@code stave.audio.max-concurrent-transcodes}.
 * Requests run on virtual threads, so without a bound every first-time request for a rendition
 * would start its own ffmpeg process: a burst of them (a playlist opened by many players, a
 * crawler) would pile up processes until the machine thrashes and every one of them is slow. Beyond
 * the bound a request waits, first come first served, at most {@code stave.audio.transcode-wait},
 * then gets a {@link TranscodeBusyException} (HTTP 503 with {@code Retry-After}): an answer in
 * bounded time, never an unbounded queue.
 *
 * <p>Only the request that starts a rendition takes a slot, and the slot stays taken until that
 * ffmpeg run ends, even when the request ended first: requests for a rendition already being made
 * follow that run ({@link Renditions}), and cached renditions and originals need none. The gauges
 * {@code stave.audio.transcodes.running} and {@code stave.audio.transcodes.waiting} show the load
 * (actuator {@code /actuator/metrics}, Prometheus).
 */
@Component
public class TranscodeSlots implements MeterBinder {
  private final int limit;
  private final Duration wait;
  // Fair: under a steady overload the oldest waiter gets the next slot, so no request waits its
  // whole bound while later ones overtake it.
  private final Semaphore permits;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger waiting = new AtomicInteger();

  public TranscodeSlots(AudioProperties props) {
    this.limit = props.maxConcurrentTranscodes();
    this.wait = props.transcodeWait();
    this.permits = new Semaphore(limit, true);
  }

  /**
   * Runs {@code transcode} holding a slot.
   *
   * @throws TranscodeBusyException when no slot came free within the wait
   */
  public <T> T run(Supplier<T> transcode) {
    try (Slot slot = take()) {
      return transcode.get();
    }
  }

  /**
   * Takes a slot, to be closed by whichever thread ends the transcode (a streamed transcode runs on
   * past the request that started it, see {@link Renditions}).
   *
   * @throws TranscodeBusyException when no slot came free within the wait
   */
  public Slot take() {
    acquire();
    running.incrementAndGet();
    return new Slot();
  }

  /** A slot held; closing it (once, from any thread) frees it. */
  public final class Slot implements AutoCloseable {
    private final AtomicBoolean open = new AtomicBoolean(true);

    private Slot() {}

    @Override
    public void close() {
      if (open.compareAndSet(true, false)) {
        running.decrementAndGet();
        permits.release();
      }
    }
  }

  private void acquire() {
    waiting.incrementAndGet();
    try {
      if (!permits.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new TranscodeBusyException(limit, wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AudioException("interrupted while waiting for a transcode slot", e);
    } finally {
      waiting.decrementAndGet();
    }
  }

  /** Transcodes running now. */
  public int running() {
    return running.get();
  }

  /** Requests waiting for a slot now. */
  public int waiting() {
    return waiting.get();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("stave.audio.transcodes.running", this, TranscodeSlots::running)
        .description("ffmpeg transcodes running (at most stave.audio.max-concurrent-transcodes)")
        .register(registry);
    Gauge.builder("stave.audio.transcodes.waiting", this, TranscodeSlots::waiting)
        .description("Requests waiting for a transcode slot (503 after stave.audio.transcode-wait)")
        .register(registry);
  }
}
