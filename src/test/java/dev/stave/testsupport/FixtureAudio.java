package dev.stave.testsupport;

import dev.stave.audio.AudioAvailability;
import dev.stave.audio.AudioFile;
import dev.stave.audio.AudioFileStore;
import java.nio.file.Path;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives the tracks of a test's catalog an audio file row, for tests of the URLs the API hands out
 * (only a track with audio gets stream and download URLs). The rows name files that do not exist:
 * these tests check the shapes of URLs, not what they serve (the audio tests serve real files).
 */
public final class FixtureAudio {
  private FixtureAudio() {}

  /** Links every stored track that has no file to {@code /fixture-audio/track-ID.mp3}. */
  public static void forEveryTrack(JdbcTemplate jdbc, AudioFileStore files, AudioAvailability a) {
    for (long id :
        jdbc.queryForList(
            "SELECT id FROM tracks t WHERE NOT EXISTS"
                + " (SELECT 1 FROM audio_files f WHERE f.track_id = t.id)",
            Long.class)) {
      files.save(mp3(Path.of("/fixture-audio/track-" + id + ".mp3"), "fixture-" + id, id, 1000));
    }
    a.forget();
  }

  /**
   * A present 128 kbit/s stereo MP3 row of 1000 bytes at {@code path}, linked to (not owning) a
   * track.
   */
  public static AudioFile mp3(Path path, String contentHash, long trackId, long durationMs) {
    return AudioFile.builder()
        .path(path)
        .size(1000)
        .contentHash(contentHash)
        .trackId(trackId)
        .durationMs(durationMs)
        .codec("mp3")
        .container("mp3")
        .bitrateKbps(128)
        .sampleRate(44100)
        .channels(2)
        .present(true)
        .build();
  }
}
