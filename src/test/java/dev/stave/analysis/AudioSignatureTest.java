package dev.stave.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stave.audio.TestAudio;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Containers recognised from the bytes of files ffmpeg made, whatever their names. */
class AudioSignatureTest {
  @TempDir Path tmp;

  private static Optional<AudioSignature> sniff(Path file) throws Exception {
    try (InputStream in = Files.newInputStream(file)) {
      return AudioSignature.detect(in.readNBytes(AudioSignature.HEAD));
    }
  }

  @Test
  void everyAcceptedContainerFromItsBytes() throws Exception {
    Map<String, AudioSignature> made =
        Map.of(
            "a.mp3", AudioSignature.MP3,
            "a.ogg", AudioSignature.OGG,
            "a.wav", AudioSignature.WAV,
            "a.flac", AudioSignature.FLAC,
            "a.m4a", AudioSignature.MP4);
    for (Map.Entry<String, AudioSignature> e : made.entrySet()) {
      Path f = TestAudio.write(tmp.resolve(e.getKey()), TestAudio.tone(0.5, 440), Map.of(), null);
      assertThat(sniff(f)).as(e.getKey()).contains(e.getValue());
    }
    Path aiff = tmp.resolve("a.aiff");
    TestAudio.ffmpeg().run(List.of("-f", "lavfi", "-i", TestAudio.tone(0.5, 440), "file:" + aiff));
    assertThat(sniff(aiff)).contains(AudioSignature.AIFF);
    // An MP3 without an ID3 tag starts with a frame header.
    Path bare = tmp.resolve("bare.mp3");
    TestAudio.ffmpeg()
        .run(
            List.of(
                "-f",
                "lavfi",
                "-i",
                TestAudio.tone(0.5, 440),
                "-c:a",
                "libmp3lame",
                "-write_xing",
                "0",
                "-id3v2_version",
                "0",
                "file:" + bare));
    assertThat(sniff(bare)).contains(AudioSignature.MP3);
  }

  @Test
  void otherBytesAreNoAudio() {
    assertThat(AudioSignature.detect("%PDF-1.7 hello world".getBytes())).isEmpty();
    assertThat(AudioSignature.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10}))
        .isEmpty();
    assertThat(AudioSignature.detect(new byte[0])).isEmpty();
    assertThat(AudioSignature.detect("RIFF\0\0\0\0AVI LIST".getBytes())).isEmpty();
  }
}
