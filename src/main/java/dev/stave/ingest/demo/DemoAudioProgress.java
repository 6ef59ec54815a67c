package dev.stave.ingest.demo;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * How far the making of the demo catalog's audio has come, for pages and logs to show: a fresh
 * {@code stave serve} starts answering at once and generates the demo tracks' audio behind it
 * ({@code dev.stave.ingest.demo.audio.DemoAudio}), so a home page can say "120 of 300 demo tracks
 * playable". Lives in the core with no dependency, so any face may read it; one per server.
 */
@Component
public class DemoAudioProgress {
  /**
   * A consistent view: tracks planned, tracks playable, tracks that failed, and whether it runs.
   */
  public record Snapshot(int total, int done, int failed, boolean running) {
    /** 0…100, 100 when nothing is planned. */
    public int percent() {
      return total == 0 ? 100 : (int) Math.min(100, 100L * done / total);
    }

    /** Whether every planned track has its audio (or failed, and will not be tried again now). */
    public boolean finished() {
      return !running && done + failed >= total;
    }
  }

  private final AtomicInteger total = new AtomicInteger();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile boolean running;

  public Snapshot snapshot() {
    synchronized (this) {
      return new Snapshot(total.get(), done.get(), failed.get(), running);
    }
  }

  public int total() {
    return total.get();
  }

  public int done() {
    return done.get();
  }

  public boolean running() {
    return running;
  }

  /** A run begins: {@code total} tracks planned, {@code done} of them already playable. */
  public synchronized void started(int total, int done) {
    this.total.set(total);
    this.done.set(done);
    this.failed.set(0);
    this.running = true;
  }

  /** {@code n} more tracks are playable. */
  public synchronized void linked(int n) {
    done.addAndGet(n);
  }

  public synchronized void failed(int n) {
    failed.addAndGet(n);
  }

  public synchronized void stopped() {
    running = false;
  }
}
