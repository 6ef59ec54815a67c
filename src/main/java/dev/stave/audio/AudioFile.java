package dev.stave.audio;

import java.nio.file.Path;

/**
 * A scanned audio file and the track it is the master file of.
 *
 * <p>Decision: built by name ({@link #builder()}, {@link #toBuilder()} for a copy with a new place
 * on disk), like {@code catalog.Track}: fourteen components, among them five longs and ints a
 * positional call could swap unnoticed. The scanner builds one per file it probes; the builder is
 * one short-lived object next to an ffprobe process, nothing measurable.
 *
 * @param bitrateKbps average bitrate as ffprobe reports it
 * @param container ffprobe's format name reduced to one word: mp3, ogg, flac, wav, mp4
 */
public record AudioFile(
    Path path,
    long size,
    long mtimeMs,
    String contentHash,
    long trackId,
    boolean ownsTrack,
    long durationMs,
    String codec,
    String container,
    int bitrateKbps,
    Integer sampleRate,
    Integer channels,
    boolean hasCover,
    boolean present) {
  /** A builder with every component unset (null, 0, false): set each, by name. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this AudioFile's components, to build a changed copy by name. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.path = path;
    b.size = size;
    b.mtimeMs = mtimeMs;
    b.contentHash = contentHash;
    b.trackId = trackId;
    b.ownsTrack = ownsTrack;
    b.durationMs = durationMs;
    b.codec = codec;
    b.container = container;
    b.bitrateKbps = bitrateKbps;
    b.sampleRate = sampleRate;
    b.channels = channels;
    b.hasCover = hasCover;
    b.present = present;
    return b;
  }

  /** Builds a {@link AudioFile} by naming its components; unset ones keep Java's defaults. */
  public static final class Builder {
    private Path path;
    private long size;
    private long mtimeMs;
    private String contentHash;
    private long trackId;
    private boolean ownsTrack;
    private long durationMs;
    private String codec;
    private String container;
    private int bitrateKbps;
    private Integer sampleRate;
    private Integer channels;
    private boolean hasCover;
    private boolean present;

    private Builder() {}

    public Builder path(Path path) {
      this.path = path;
      return this;
    }

    public Builder size(long size) {
      this.size = size;
      return this;
    }

    public Builder mtimeMs(long mtimeMs) {
      this.mtimeMs = mtimeMs;
      return this;
    }

    public Builder contentHash(String contentHash) {
      this.contentHash = contentHash;
      return this;
    }

    public Builder trackId(long trackId) {
      this.trackId = trackId;
      return this;
    }

    public Builder ownsTrack(boolean ownsTrack) {
      this.ownsTrack = ownsTrack;
      return this;
    }

    public Builder durationMs(long durationMs) {
      this.durationMs = durationMs;
      return this;
    }

    public Builder codec(String codec) {
      this.codec = codec;
      return this;
    }

    public Builder container(String container) {
      this.container = container;
      return this;
    }

    public Builder bitrateKbps(int bitrateKbps) {
      this.bitrateKbps = bitrateKbps;
      return this;
    }

    public Builder sampleRate(Integer sampleRate) {
      this.sampleRate = sampleRate;
      return this;
    }

    public Builder channels(Integer channels) {
      this.channels = channels;
      return this;
    }

    public Builder hasCover(boolean hasCover) {
      this.hasCover = hasCover;
      return this;
    }

    public Builder present(boolean present) {
      this.present = present;
      return this;
    }

    public AudioFile build() {
      return new AudioFile(
          path,
          size,
          mtimeMs,
          contentHash,
          trackId,
          ownsTrack,
          durationMs,
          codec,
          container,
          bitrateKbps,
          sampleRate,
          channels,
          hasCover,
          present);
    }
  }
}
