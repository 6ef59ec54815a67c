package dev.stave.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Runs ffmpeg and ffprobe (located by {@link FfmpegLocator} on first use) on local files only:
 * every run reads with {@code -protocol_whitelist file,pipe}, takes no input from the terminal, is
 * stopped after {@link AudioProperties#transcodeTimeout()}, and may write at most {@link
 * AudioProperties#maxTranscodeSize()}. A failed run becomes an {@link AudioException} carrying
 * ffmpeg's own last words.
 */
@Component
public class Ffmpeg {
  private static final int STDERR_KEPT = 4096;

  /** Decodes of at most this much audio are short runs ({@link #shortRuns()}). */
  private static final long SHORT_RUN_MS = 60_000;

  private final AudioProperties props;
  private FfmpegLocator.Executables executables;
  private FfmpegLocator.Executables forShortRuns;

  public Ffmpeg(AudioProperties props) {
    this.props = props;
  }

  /** The executables in use, located (and extracted) on the first call. */
  public synchronized String describe() {
    FfmpegLocator.Executables e = executables();
    return e.ffmpeg() + " (" + e.origin() + ")";
  }

  /**
   * Located (and extracted) on the first call. Plain synchronisation, not double-checked: the lock
   * is taken once per ffmpeg process, whose start costs milliseconds.
   */
  private synchronized FfmpegLocator.Executables executables() {
    if (executables == null) {
      executables =
          FfmpegLocator.locate(props.ffmpeg(), props.ffprobe(), FfmpegLocator.defaultCacheRoot());
    }
    return executables;
  }

  /**
   * The executables for runs that decode little (ffprobe, a few seconds of audio): see {@link
   * FfmpegLocator#forShortRuns}; the located ones when {@link
   * AudioProperties#bundledForShortRuns()} is off.
   */
  private synchronized FfmpegLocator.Executables shortRuns() {
    if (forShortRuns == null) {
      forShortRuns =
          props.bundledForShortRuns()
              ? FfmpegLocator.forShortRuns(executables(), FfmpegLocator.defaultCacheRoot())
              : executables();
    }
    return forShortRuns;
  }

  /**
   * Runs ffmpeg with {@code args} (input options, {@code -i}, output options and the output), the
   * safety options prepended. Output beyond the size bound stops the run with an error.
   */
  public void run(List<String> args) {
    execute(executables(), command(args), OutputStream.nullOutputStream(), 0);
  }

  /**
   * Runs ffmpeg with {@code args} (input options, {@code -i}, output options including {@code -f},
   * no output) writing to its standard output, whose bytes are handed to {@code sink} as ffmpeg
   * writes them: a transcode that can be streamed while it runs. The output is a pipe, so muxers
   * that would seek back to complete a header at the end (MP3's Xing/LAME frame, FLAC's sample
   * count) leave it out. More than {@link AudioProperties#maxTranscodeSize()} stops the run with an
   * error.
   */
  public void transcode(List<String> args, OutputStream sink) {
    List<String> withOutput = new ArrayList<>(args);
    withOutput.add("pipe:1");
    execute(executables(), command(withOutput), sink, props.maxTranscodeSize().toBytes());
  }

  private List<String> command(List<String> args) {
    if (args.isEmpty()) {
      throw new IllegalArgumentException("no output");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(executables().ffmpeg().toString());
    cmd.addAll(List.of("-hide_banner", "-nostdin", "-loglevel", "error", "-y"));
    for (int i = 0; i < args.size() - 1; i++) {
      if (args.get(i).equals("-i")) {
        // Input options apply to the next input only: restrict every one of them.
        cmd.addAll(List.of("-protocol_whitelist", "file,pipe"));
      }
      cmd.add(args.get(i));
    }
    cmd.addAll(List.of("-fs", Long.toString(props.maxTranscodeSize().toBytes())));
    cmd.add(args.get(args.size() - 1));
    return cmd;
  }

  /**
   * Runs ffprobe on {@code file} and returns its JSON output (format and streams). A short run:
   * {@link #shortRuns()}.
   */
  public String probeJson(Path file) {
    FfmpegLocator.Executables e = shortRuns();
    List<String> cmd =
        List.of(
            e.ffprobe().toString(),
            "-hide_banner",
            "-loglevel",
            "error",
            "-protocol_whitelist",
            "file,pipe",
            "-show_format",
            "-show_streams",
            "-of",
            "json",
            "file:" + file.toAbsolutePath());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    execute(e, cmd, out, 4 << 20);
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Decodes {@code file} to raw mono signed 16-bit PCM at {@code sampleRate} and hands the bytes to
   * {@code sink} as they come (constant memory).
   */
  public void decodeMono(Path file, int sampleRate, OutputStream sink) {
    decode(file, List.of("-ac", "1", "-ar", Integer.toString(sampleRate), "-f", "s16le"), sink);
  }

  /**
   * Decodes the whole of {@code file} to raw mono 32-bit float little-endian PCM at its own sample
   * rate (no resampling: the cheapest full decode, see {@link Waveforms}) and hands the bytes to
   * {@code sink} as they come. The channels are mixed with gains summing to 1 ({@code
   * -rematrix_maxval 1}: a stereo file becomes (L + R) / 2, as the 16-bit mix is; a float mix would
   * otherwise take each channel at 0.707 and read a centred full-scale sound as 141 %).
   */
  public void decodeMonoFloat(Path file, OutputStream sink) {
    decode(
        file,
        List.of("-rematrix_maxval", "1", "-ac", "1", "-c:a", "pcm_f32le", "-f", "f32le"),
        sink);
  }

  /**
   * A stretch of a file to decode, in milliseconds from its start. ffmpeg seeks to it ({@code -ss}
   * before {@code -i}: the demuxer jumps there instead of decoding the lead-in) and reads {@code
   * lengthMs} of it ({@code -t} on the input).
   */
  public record Stretch(long startMs, long lengthMs) {}

  /**
   * Decodes {@code stretches} of {@code file} (empty: all of it), one after the other, to a 16-bit
   * WAV stream at {@code sampleRate}, mono or stereo as the source is (more channels are mixed down
   * to stereo), handing the bytes to {@code sink} as they come. The header's length fields are
   * unknown (a pipe cannot be rewound): read up to the {@code data} chunk, then to the end. Several
   * stretches are opened as one input each (each seeks) and joined by the {@code concat} filter, in
   * one ffmpeg run. Stretches that add up to a minute or less are a short run ({@link
   * #shortRuns()}: start-up is most of their cost); a whole track is decoded by the located build.
   *
   * @param inputFormat the demuxer to use (e.g. {@code mp3}, {@code ogg}); null lets ffmpeg probe
   */
  public void decodeWav(
      Path file, String inputFormat, int sampleRate, List<Stretch> stretches, OutputStream sink) {
    long total = stretches.stream().mapToLong(Stretch::lengthMs).sum();
    FfmpegLocator.Executables e =
        !stretches.isEmpty() && total <= SHORT_RUN_MS ? shortRuns() : executables();
    List<String> cmd = new ArrayList<>();
    cmd.add(e.ffmpeg().toString());
    cmd.addAll(
        List.of(
            "-hide_banner", "-nostdin", "-loglevel", "error", "-protocol_whitelist", "file,pipe"));
    List<Stretch> parts = stretches.isEmpty() ? List.of(new Stretch(0, 0)) : stretches;
    for (Stretch s : parts) {
      if (s.startMs() > 0) {
        cmd.addAll(List.of("-ss", seconds(s.startMs())));
      }
      if (s.lengthMs() > 0) {
        cmd.addAll(List.of("-t", seconds(s.lengthMs())));
      }
      if (inputFormat != null) {
        cmd.addAll(List.of("-f", inputFormat));
      }
      cmd.addAll(List.of("-i", "file:" + file.toAbsolutePath()));
    }
    String layout = "aformat=channel_layouts=mono|stereo";
    if (parts.size() == 1) {
      cmd.addAll(List.of("-vn", "-af", layout));
    } else {
      StringBuilder graph = new StringBuilder();
      for (int i = 0; i < parts.size(); i++) {
        graph
            .append('[')
            .append(i)
            .append(":a:0]")
            .append(layout)
            .append("[p")
            .append(i)
            .append(']');
        graph.append(';');
      }
      for (int i = 0; i < parts.size(); i++) {
        graph.append("[p").append(i).append(']');
      }
      graph.append("concat=n=").append(parts.size()).append(":v=0:a=1[a]");
      cmd.addAll(List.of("-filter_complex", graph.toString(), "-map", "[a]"));
    }
    cmd.addAll(
        List.of(
            "-ar",
            Integer.toString(sampleRate),
            "-c:a",
            "pcm_s16le",
            "-map_metadata",
            "-1",
            "-f",
            "wav",
            "pipe:1"));
    execute(e, cmd, sink, 0);
  }

  /**
   * Encodes {@code file} from {@code offset} on in {@code format}, handing the bytes to {@code
   * sink} as they come (a live stream: no file, no cache). ffmpeg seeks the input ({@code -ss}
   * before {@code -i}), so the output starts at the nearest point the input allows to seek to, at
   * or before {@code offset}.
   */
  public void encodeFrom(Path file, Duration offset, AudioFormat format, OutputStream sink) {
    List<String> output = new ArrayList<>(List.of("-map", "0:a:0"));
    output.addAll(format.encoderArgs());
    output.addAll(List.of("-f", format.muxer()));
    pipe(file, List.of("-ss", seconds(offset.toMillis())), output, sink);
  }

  private static String seconds(long ms) {
    return String.format(java.util.Locale.ROOT, "%.3f", ms / 1000.0);
  }

  private void decode(Path file, List<String> output, OutputStream sink) {
    pipe(file, List.of(), output, sink);
  }

  /** Runs ffmpeg on {@code file} (input options before {@code -i}), its output to {@code sink}. */
  private void pipe(Path file, List<String> inputOptions, List<String> output, OutputStream sink) {
    List<String> cmd = new ArrayList<>();
    cmd.add(executables().ffmpeg().toString());
    cmd.addAll(
        List.of(
            "-hide_banner", "-nostdin", "-loglevel", "error", "-protocol_whitelist", "file,pipe"));
    cmd.addAll(inputOptions);
    cmd.addAll(List.of("-i", "file:" + file.toAbsolutePath(), "-vn"));
    cmd.addAll(output);
    cmd.add("pipe:1");
    execute(executables(), cmd, sink, 0);
  }

  private void execute(
      FfmpegLocator.Executables e, List<String> cmd, OutputStream stdout, long maxStdout) {
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Path libDir = e.ffmpeg().getParent();
    if (e.origin().startsWith("org.bytedeco") && libDir != null) {
      pb.environment().put("LD_LIBRARY_PATH", libDir.toString());
    }
    Process p;
    try {
      p = pb.start();
    } catch (IOException ex) {
      throw new AudioException("cannot start " + cmd.get(0) + ": " + ex.getMessage(), ex);
    }
    BoundedTail stderr = new BoundedTail();
    Thread errReader = Thread.ofVirtual().start(() -> stderr.drain(p.getErrorStream()));
    Thread outReader =
        Thread.ofVirtual()
            .start(
                () ->
                    copy(
                        p.getInputStream(),
                        stdout,
                        maxStdout,
                        p,
                        stderr,
                        Path.of(cmd.get(0)).getFileName().toString()));
    try {
      if (!p.waitFor(props.transcodeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        throw new AudioException(
            "ffmpeg took longer than " + format(props.transcodeTimeout()) + " and was stopped");
      }
      outReader.join();
      errReader.join();
    } catch (InterruptedException ex) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AudioException("interrupted while ffmpeg was running", ex);
    }
    if (stderr.overflow != null) {
      throw new AudioException(stderr.overflow);
    }
    if (p.exitValue() != 0) {
      String why = stderr.text().strip();
      throw new AudioException(
          "ffmpeg failed (exit " + p.exitValue() + ")" + (why.isEmpty() ? "" : ": " + why));
    }
  }

  private static void copy(
      InputStream in, OutputStream out, long max, Process p, BoundedTail stderr, String program) {
    byte[] buf = new byte[64 * 1024];
    long total = 0;
    try (in) {
      int n;
      while ((n = in.read(buf)) > 0) {
        total += n;
        if (max > 0
            && total >= max) { // -fs stops ffmpeg (exit 0) at the bound: reaching it is failing
          stderr.overflow = program + " wrote more than " + max + " bytes";
          p.destroyForcibly();
          return;
        }
        out.write(buf, 0, n);
      }
    } catch (IOException ex) {
      // The consumer went away (a client hung up): stop ffmpeg rather than let it block.
      p.destroyForcibly();
    }
  }

  private static String format(Duration d) {
    return d.toSeconds() >= 60 ? d.toMinutes() + " min" : d.toSeconds() + " s";
  }

  /** Keeps the last few kilobytes of ffmpeg's error output. */
  private static final class BoundedTail {
    private final StringBuilder text = new StringBuilder();
    volatile String overflow;

    void drain(InputStream in) {
      try (in) {
        byte[] buf = new byte[4096];
        int n;
        while ((n = in.read(buf)) > 0) {
          synchronized (text) {
            text.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            if (text.length() > STDERR_KEPT) {
              text.delete(0, text.length() - STDERR_KEPT);
            }
          }
        }
      } catch (IOException e) {
        // The process is gone; what was read is what there is.
      }
    }

    String text() {
      synchronized (text) {
        return text.toString().replaceAll("\\s+", " ");
      }
    }
  }
}
