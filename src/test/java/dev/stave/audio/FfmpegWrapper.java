package dev.stave.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Scripts that stand in for ffmpeg or ffprobe ({@code stave.audio.ffmpeg}) and run the real one
 * under the test's control: held at a gate file, its output cut, its exit status changed. They let
 * a test decide which transcodes overlap, and when, instead of racing how fast this machine
 * encodes.
 */
final class FfmpegWrapper {
  private FfmpegWrapper() {}

  /** The ffmpeg and ffprobe Stave would locate itself. */
  static FfmpegLocator.Executables real() {
    return FfmpegLocator.locate(null, null, FfmpegLocator.defaultCacheRoot());
  }

  /**
   * A bash script {@code dir/name} that runs {@code body}, in which {@code "$REAL"} is the real
   * executable (with the library path a bundled build needs: Stave sets it only for the executables
   * it located itself, not for configured ones) and {@code "$@"} Stave's arguments.
   */
  static Path script(Path dir, String name, Path real, String body) {
    Path script = dir.resolve(name);
    try {
      Files.createDirectories(dir);
      Files.writeString(
          script,
          """
          #!/bin/bash
          export LD_LIBRARY_PATH='%s'${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
          REAL='%s'
          %s
          """
              .formatted(real.getParent(), real, body));
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return script;
  }

  /** The real ffprobe, as it is. */
  static Path ffprobe(Path dir) {
    return script(dir, "ffprobe", real().ffprobe(), "exec \"$REAL\" \"$@\"");
  }
}
