package dev.stave.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The located ffmpeg (system or bundled) runs, encodes every served codec and fails cleanly. */
class FfmpegLocatorTest {
  @TempDir Path tmp;

  @Test
  void encodesEveryRenditionAndProbesIt() throws Exception {
    Path wav = TestAudio.write(tmp.resolve("in.wav"), TestAudio.tone(1, 440), Map.of(), null);
    for (AudioFormat f : AudioFormat.values()) {
      Path out = tmp.resolve("out-" + f.wireName() + "." + f.extension());
      List<String> args = new java.util.ArrayList<>(List.of("-i", "file:" + wav, "-vn"));
      args.addAll(f.encoderArgs());
      args.addAll(List.of("-f", f.muxer(), "file:" + out));
      TestAudio.ffmpeg().run(args);
      String probe = TestAudio.ffmpeg().probeJson(out);
      assertThat(probe)
          .as(f.wireName())
          .contains(
              "\"codec_name\": \""
                  + switch (f) {
                    case MP31, MP32 -> "mp3";
                    case OGG -> "vorbis";
                    case FLAC -> "flac";
                  }
                  + "\"");
    }
  }

  @Test
  void shortRunsUseTheBundledBuildOnlyInsteadOfTheSystemOne() {
    FfmpegLocator.Executables system =
        new FfmpegLocator.Executables(
            Path.of("/usr/bin/ffmpeg"), Path.of("/usr/bin/ffprobe"), "PATH");
    FfmpegLocator.Executables quick =
        FfmpegLocator.forShortRuns(system, FfmpegLocator.defaultCacheRoot());
    assertThat(quick.origin()).startsWith("org.bytedeco:ffmpeg");
    assertThat(quick.ffprobe()).isExecutable();
    FfmpegLocator.Executables configured =
        new FfmpegLocator.Executables(
            Path.of("/opt/ff/ffmpeg"), Path.of("/opt/ff/ffprobe"), "configured");
    assertThat(FfmpegLocator.forShortRuns(configured, FfmpegLocator.defaultCacheRoot()))
        .isSameAs(configured);
  }

  @Test
  void aBrokenInputIsAnAudioErrorWithFfmpegsReason() throws Exception {
    Path junk = Files.write(tmp.resolve("junk.mp3"), new byte[] {1, 2, 3, 4, 5});
    assertThatThrownBy(() -> TestAudio.ffmpeg().probeJson(junk))
        .isInstanceOf(AudioException.class)
        .hasMessageContaining("ffmpeg failed");
  }

  @Test
  void networkInputsAreRefused() {
    assertThatThrownBy(
            () ->
                TestAudio.ffmpeg()
                    .run(List.of("-i", "http://127.0.0.1:9/x.mp3", "file:" + tmp.resolve("o.mp3"))))
        .isInstanceOf(AudioException.class)
        .hasMessageContaining("http");
  }

  @Test
  void theBundledDeviceLibraryNoLongerNeedsDesktopAudio() throws Exception {
    Path dir = FfmpegLocator.defaultCacheRoot().resolve("ffmpeg");
    if (FfmpegLocator.onPath("ffmpeg").isPresent()) {
      return; // a system ffmpeg is used; nothing was extracted
    }
    TestAudio.ffmpeg().describe();
    try (var s = Files.list(dir)) {
      Path extracted = s.filter(Files::isDirectory).findFirst().orElseThrow();
      try (var libs = Files.list(extracted)) {
        Path avdevice =
            libs.filter(p -> p.getFileName().toString().startsWith("libavdevice.so."))
                .findFirst()
                .orElseThrow();
        assertThat(ElfNeeded.needed(avdevice))
            .contains("libavformat.so.61")
            .doesNotContain("libpulse.so.0", "libasound.so.2");
      }
    }
  }
}
