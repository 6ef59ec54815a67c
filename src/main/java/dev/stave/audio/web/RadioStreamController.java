package dev.stave.audio.web;

import dev.stave.audio.AudioException;
import dev.stave.audio.AudioFormat;
import dev.stave.audio.Mp3Frames;
import dev.stave.audio.Renditions;
import dev.stave.audio.TrackAudio;
import dev.stave.audio.TranscodeBusyException;
import dev.stave.catalog.CatalogStore;
import dev.stave.catalog.EditorialTables;
import dev.stave.catalog.Radio;
import dev.stave.radio.Programme;
import dev.stave.radio.RadioSchedule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /audio/radio/{id}}: the radio's programme ({@link RadioSchedule}) as one endless MP3
 * stream, the way an Icecast server sends it, so that any player (mpv, ffplay, VLC, a browser's
 * audio element) plays it from the URL alone.
 *
 * <p>The stream starts inside the track on air, at the byte matching the time elapsed in it (on a
 * frame boundary), and goes on with the following tracks of the programme, each as its {@code mp31}
 * rendition with its ID3 tags stripped, so the body is a plain sequence of MPEG audio frames. The
 * first {@value #BURST_MS} ms are sent at once (a player's buffer fills and playback starts
 * quickly); after that the stream is paced to real time, so every listener stays on the schedule
 * and the server does not read ahead. Tracks without audio are skipped; a radio with nothing
 * playable answers 404. When the track to start with needs a transcode and every transcode slot
 * stays busy, the listener gets 503 with {@code Retry-After} (skipping to the next track would only
 * wait again); later in the stream the same ends the stream, which a player reconnects. Public like
 * {@code radios/stream}'s {@code stream} URL (no signature): it only ever plays what the schedule
 * plays. Each listener holds one (virtual) thread.
 */
@Controller
public class RadioStreamController {
  /** Audio sent ahead of real time when a listener connects. */
  static final long BURST_MS = 10_000;

  private static final Logger log = LoggerFactory.getLogger(RadioStreamController.class);
  private static final int CHUNK = 16 * 1024;

  private final CatalogStore store;
  private final RadioSchedule schedule;
  private final TrackAudio audio;
  private final Clock clock;

  public RadioStreamController(
      CatalogStore store, RadioSchedule schedule, TrackAudio audio, ObjectProvider<Clock> clock) {
    this.store = store;
    this.schedule = schedule;
    this.audio = audio;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /**
   * What to send of one track: bytes {@code [from, to)} of {@code file} (whole MPEG frames), the
   * first of which plays at {@code startMs} of the programme. The rendition stays leased (not
   * evicted from the cache) until the part is sent or dropped.
   */
  private record Part(
      Programme.Slot slot, Renditions.Lease lease, long from, long to, long startMs) {
    Path file() {
      return lease.path();
    }
  }

  @GetMapping("/audio/radio/{id}")
  public void stream(
      @PathVariable String id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<Radio> radio =
        id.matches("\\d{1,18}")
            ? store.read(EditorialTables.RADIOS, List.of(Long.parseLong(id))).stream().findFirst()
            : Optional.empty();
    if (radio.isEmpty()) {
      AudioStreamController.plain(response, 404, "no such radio");
      return;
    }
    Programme programme = schedule.programme(radio.get());
    long started = clock.millis();
    long startNanos = System.nanoTime();
    Optional<Part> first;
    try {
      first = programme.isEmpty() ? Optional.empty() : next(programme, started);
    } catch (TranscodeBusyException e) {
      log.info("radio {}: {}", id, e.getMessage());
      AudioStreamController.busy(response, e);
      return;
    }
    if (first.isEmpty()) {
      AudioStreamController.plain(response, 404, "radio " + id + " has nothing to play");
      return;
    }
    response.setContentType("audio/mpeg");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store");
    response.setHeader(HttpHeaders.ACCEPT_RANGES, "none");
    response.setHeader("icy-name", radio.get().dispname());
    if ("HEAD".equals(request.getMethod())) {
      first.get().lease().close();
      return;
    }
    OutputStream out = response.getOutputStream();
    Part part = first.get();
    try {
      while (true) {
        send(part, out, started, startNanos);
        Optional<Part> following = next(programme, part.slot().endMs());
        if (following.isEmpty()) {
          return;
        }
        part = following.get();
      }
    } catch (IOException e) {
      log.debug("radio {}: listener gone ({})", id, e.getMessage());
    } catch (TranscodeBusyException e) {
      log.info("radio {}: stream ended, {}", id, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The part of the programme playing at {@code at} (epoch ms), from that instant on; tracks
   * without audio are skipped, up to a whole cycle of them (then empty).
   */
  private Optional<Part> next(Programme programme, long at) {
    long t = at;
    for (int tries = 0; tries <= programme.size(); tries++) {
      Programme.Slot slot = programme.at(Instant.ofEpochMilli(t));
      Optional<TrackAudio.Source> source = audio.source(slot.trackId());
      if (source.isPresent()) {
        Renditions.Lease lease = null;
        try {
          lease = audio.rendition(source.get(), AudioFormat.MP31);
          Path file = lease.path();
          long[] frames = Mp3Frames.audioRange(file);
          double elapsed = (double) (t - slot.startMs()) / slot.durationMs();
          long from = frames[0] + (long) (elapsed * (frames[1] - frames[0]));
          return Optional.of(
              new Part(slot, lease, Mp3Frames.nextFrame(file, from, frames[1]), frames[1], t));
        } catch (TranscodeBusyException e) {
          throw e;
        } catch (AudioException | IOException e) {
          if (lease != null) {
            lease.close();
          }
          log.warn("radio: track {} skipped: {}", slot.trackId(), e.getMessage());
        }
      }
      t = slot.endMs();
    }
    return Optional.empty();
  }

  /** Sends one part, paced: never more than {@link #BURST_MS} ahead of the listener's clock. */
  private static void send(Part part, OutputStream out, long startedMs, long startNanos)
      throws IOException, InterruptedException {
    Programme.Slot slot = part.slot();
    long fullLength = part.to() - part.from();
    long partStart = part.startMs();
    try (Renditions.Lease lease = part.lease();
        FileChannel ch = FileChannel.open(lease.path(), StandardOpenOption.READ)) {
      ByteBuffer buf = ByteBuffer.allocate(CHUNK);
      long sent = 0;
      ch.position(part.from());
      while (sent < fullLength) {
        buf.clear();
        buf.limit((int) Math.min(CHUNK, fullLength - sent));
        int n = ch.read(buf);
        if (n <= 0) {
          break;
        }
        out.write(buf.array(), 0, n);
        sent += n;
        long audioMs =
            partStart + Math.round((double) sent / fullLength * (slot.endMs() - partStart));
        long aheadMs = (audioMs - startedMs) - (System.nanoTime() - startNanos) / 1_000_000;
        if (aheadMs > BURST_MS) {
          out.flush();
          Thread.sleep(aheadMs - BURST_MS);
        }
      }
      out.flush();
    }
  }
}
