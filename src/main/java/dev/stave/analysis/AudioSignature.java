package dev.stave.analysis;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Audio containers recognised from their first bytes (magic numbers), never from a file name or a
 * declared MIME type: each names the ffmpeg demuxer to read it with, so that ffmpeg does not probe
 * for anything else.
 */
public enum AudioSignature {
  /** ID3v2-tagged MP3 ({@code ID3}) or a bare MPEG audio layer III frame sync. */
  MP3("mp3"),
  /** Ogg ({@code OggS}): Vorbis, Opus or FLAC in Ogg. */
  OGG("ogg"),
  /** RIFF/RF64 {@code WAVE}. */
  WAV("wav"),
  /** {@code FORM} … {@code AIFF} or {@code AIFC}. */
  AIFF("aiff"),
  /** {@code fLaC}. */
  FLAC("flac"),
  /** ISO base media ({@code ftyp} at offset 4): M4A, MP4 with AAC or ALAC. */
  MP4("mov");

  /** How many leading bytes {@link #detect} needs. */
  public static final int HEAD = 16;

  private final String demuxer;

  AudioSignature(String demuxer) {
    this.demuxer = demuxer;
  }

  /** The ffmpeg input format name. */
  public String demuxer() {
    return demuxer;
  }

  /** The container of a file starting with {@code head}, if it is one of these. */
  public static Optional<AudioSignature> detect(byte[] head) {
    if (starts(head, 0, "ID3")) {
      return Optional.of(MP3);
    }
    if (starts(head, 0, "OggS")) {
      return Optional.of(OGG);
    }
    if ((starts(head, 0, "RIFF") || starts(head, 0, "RF64")) && starts(head, 8, "WAVE")) {
      return Optional.of(WAV);
    }
    if (starts(head, 0, "FORM") && (starts(head, 8, "AIFF") || starts(head, 8, "AIFC"))) {
      return Optional.of(AIFF);
    }
    if (starts(head, 0, "fLaC")) {
      return Optional.of(FLAC);
    }
    if (starts(head, 4, "ftyp")) {
      return Optional.of(MP4);
    }
    if (isMpegAudioFrame(head)) {
      return Optional.of(MP3);
    }
    return Optional.empty();
  }

  /**
   * An MPEG audio frame header: 11 sync bits, a valid version, layer III, a bitrate index that is
   * neither free (0) nor bad (15), and a valid sample-rate index.
   */
  private static boolean isMpegAudioFrame(byte[] h) {
    if (h.length < 4 || (h[0] & 0xff) != 0xff || (h[1] & 0xe0) != 0xe0) {
      return false;
    }
    int version = (h[1] >> 3) & 0x3;
    int layer = (h[1] >> 1) & 0x3;
    int bitrate = (h[2] >> 4) & 0xf;
    int rate = (h[2] >> 2) & 0x3;
    return version != 1 && layer == 1 && bitrate != 0 && bitrate != 15 && rate != 3;
  }

  private static boolean starts(byte[] head, int offset, String ascii) {
    byte[] want = ascii.getBytes(StandardCharsets.US_ASCII);
    if (head.length < offset + want.length) {
      return false;
    }
    for (int i = 0; i < want.length; i++) {
      if (head[offset + i] != want[i]) {
        return false;
      }
    }
    return true;
  }
}
