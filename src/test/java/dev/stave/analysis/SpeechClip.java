package dev.stave.analysis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Speech made by Debian's espeak-ng, when it is installed ({@code apt-get install espeak-ng}). */
final class SpeechClip {
  static final String TEXT =
      "The quick brown fox jumps over the lazy dog. A speech is made of words, pauses and"
          + " breaths; this one is read by a machine for about thirty seconds, so that the"
          + " analysis hears what talking sounds like, compared with music that has a beat and a"
          + " key. Numbers like twelve, forty two and one hundred are spoken too.";

  private SpeechClip() {}

  /** Why speech cannot be made here, or null when espeak-ng is on the PATH. */
  static String unavailable() {
    return DebianTool.missing("espeak-ng", "espeak-ng");
  }

  /** Writes {@code text} spoken by {@code voice} (e.g. en, en-us, de) as a WAV file. */
  static Path write(Path out, String voice, String text) throws Exception {
    Files.createDirectories(out.toAbsolutePath().getParent());
    Process p =
        new ProcessBuilder("espeak-ng", "-v", voice, "-w", out.toString(), text)
            .redirectErrorStream(true)
            .start();
    String said =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("espeak-ng failed: " + said);
    }
    return out;
  }
}
