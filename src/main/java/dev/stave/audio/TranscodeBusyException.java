package dev.stave.audio;

import java.time.Duration;

/**
 * No transcode slot came free within {@code stave.audio.transcode-wait} ({@link TranscodeSlots}):
 * the request is refused rather than queued without end, and the client is told when to try again
 * (HTTP 503 with {@code Retry-After}). An {@link AudioException}, so callers that skip an
 * unplayable track (the radio) need no second catch, but one they can tell apart: the audio is
 * fine, the server is busy.
 */
public class TranscodeBusyException extends AudioException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterSeconds;

  public TranscodeBusyException(int limit, Duration waited) {
    super(
        "all "
            + limit
            + " transcode slots (stave.audio.max-concurrent-transcodes) stayed busy for "
            + waited.toMillis()
            + " ms");
    // A slot frees when one of the running transcodes ends; a wait as long as this one is the
    // best guess the server has of when that is, and never less than a second (the header's unit).
    this.retryAfterSeconds = Math.max(1, (waited.toMillis() + 999) / 1000);
  }

  /** Seconds to put in {@code Retry-After}. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
