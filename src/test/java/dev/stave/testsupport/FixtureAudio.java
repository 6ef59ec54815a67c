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
      files.save(
          AudioFile.builder()
              .path(Path.of("/fixture-audio/track-" + id + ".mp3"))
              .size(1000)
              .contentHash("fixture-" + id)
              .trackId(id)
              .durationMs(1000)
              .codec("mp3")
              .container("mp3")
              .bitrateKbps(128)
              .sampleRate(44100)
              .channels(2)
              .present(true)
              .build());
    }
    a.forget();
  }
}
